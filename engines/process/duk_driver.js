// settle's driver for the Duktape command-line shell (duk), which can neither read stdin line by
// line nor make a second realm: settle starts one `duk --run-stdin` per case and sends this file,
// followed by a call settleMain(setup, request, installPromise) with the setup request, the case
// request (null to answer the feature probes) and engines/duktape/promise.js. The reply is one
// line of settle's protocol (engines/process/protocol.h).
var settleMain = (function () {
  var global = new Function('return this')();
  var write = global.print;
  // The shell's own functions that case code must not reach (console writes to stdout).
  var kShellNames = ['require', 'alert', 'print', 'console'];
  // The parts of test262's $262 that duk gives. evalScript is not among them: duk could only offer
  // an indirect eval, whose declarations differ from a Script's.
  var kHost262 = ['global', 'gc'];
  var shellGc = Duktape.gc;

  function describe(error) {
    try {
      return error && error.name !== undefined ? String(error.name) + ': ' + String(error.message) : String(error);
    } catch (e) {
      return 'an exception that cannot be described';
    }
  }

  function hiddenKey(name) {
    var bytes = [0xff];
    for (var i = 0; i < name.length; i++) bytes.push(name.charCodeAt(i) & 0x7f);
    return String.fromBufferRaw(new Uint8Array(bytes));
  }

  return function settleMain(setup, request, installPromise) {
    // Case code runs in this global: it must not call settleMain, whose reply writes to stdout.
    global.settleMain = undefined;
    var nonce = setup.nonce;
    function reply(message) {
      write(nonce + ' ' + JSON.stringify(message));
    }
    var jobs = [];
    function enqueueJob(job) {
      // Not jobs.push: case code may put a setter on Array.prototype.
      Object.defineProperty(jobs, jobs.length, { value: job, writable: true, enumerable: true, configurable: true });
    }
    function drainJobs(api) {
      for (var i = 0; i < jobs.length; i++) {
        try {
          jobs[i]();
        } catch (error) {
          api.reportUncaught('a job', error);
        }
      }
      jobs.length = 0;
    }
    try {
      kShellNames.forEach(function (name) { delete global[name]; });
      (setup.aliases || []).forEach(function (alias) {
        Object.defineProperty(global, alias, { value: global, writable: true, configurable: true });
      });
      var promise = installPromise(global, { enqueueJob: enqueueJob, slots: { record: hiddenKey('PromiseSlots') } });
      // asciiJson: the report is ASCII, so valid UTF-8 whatever duk holds (a lone surrogate, say).
      var api = eval(setup.host)(global, { enqueueJob: enqueueJob, promise: promise, asciiJson: true });
      (setup.preludes || []).forEach(function (prelude) { (0, eval)(prelude.code); });
    } catch (error) {
      reply({ type: request ? 'fault' : 'error', message: 'the realm could not be built: ' + describe(error) });
      return;
    }
    if (!request) {
      reply({ type: 'ready', version: 'duk ' + Duktape.version, features: JSON.parse((0, eval)(setup.probes)), host262: kHost262 });
      return;
    }
    var test262 = request.test262;
    if (test262) {
      api.install262({ gc: function () { shellGc(); } });
      var harness = test262.harness_code || [];
      for (var h = 0; h < harness.length; h++) {
        try {
          (0, eval)(harness[h].code);
        } catch (error) {
          api.observeCompleted();
          write(nonce + ' {"type":"result","parse_error":false,"harness_error":' +
            JSON.stringify(harness[h].name + ' threw ' + describe(error)) + ',"report":' + api.finish([]) + '}');
          return;
        }
      }
    }
    var code = request.strict ? "'use strict'; " + request.code : request.code;
    var parseError = false;
    try {
      var completion = (0, eval)(code);
      if (test262) api.observeCompleted();
      else api.observe(completion);
    } catch (error) {
      if (error instanceof SyntaxError) {
        try {
          Function(code);
        } catch (syntax) {
          parseError = true;
        }
      }
      api.observeThrow(error);
    }
    do {
      drainJobs(api);
    } while (api.runNextTimer());
    var report;
    try {
      report = api.finish(request.watch || []);
    } catch (error) {
      reply({ type: 'fault', message: 'the observed values could not be serialised: ' + describe(error) });
      return;
    }
    write(nonce + ' {"type":"result","parse_error":' + parseError + ',"report":' + report + '}');
  };
})();
