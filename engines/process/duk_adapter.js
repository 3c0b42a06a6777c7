// settle's adapter for the Duktape command-line shell, duk (after driver_core.js). duk can neither
// read stdin line by line nor make a second realm: settle starts one `duk --run-stdin` per case and
// sends the driver, followed by a call settleMain(setup, request, installPromise) with the setup
// request, the case request (null to answer the feature probes) and engines/duktape/promise.js.
// The case runs in the shell's own global, so everything the driver needs is captured first.
(function () {
  'use strict';
  var global = new Function('return this')();
  var write = global.print;
  var evalGlobal = global.eval;
  var Function_ = global.Function;
  var defineProperty = Object.defineProperty;
  // The shell's own functions that case code must not reach (console writes to stdout).
  var kShellNames = ['require', 'alert', 'print', 'console'];
  var shellGc = Duktape.gc;
  var version = Duktape.version;

  function hiddenKey(name) {
    var bytes = [0xff];
    for (var i = 0; i < name.length; i++) bytes.push(name.charCodeAt(i) & 0x7f);
    return String.fromBufferRaw(new Uint8Array(bytes));
  }

  function settleMain(setup, request, installPromise) {
    // Case code runs in this global: it must not call settleMain, whose reply writes to stdout.
    delete global.settleMain;
    var jobs = [];
    var made = false;
    var core = settleDriver.create({
      write: function (line) { write(line); },
      version: function () { return 'duk ' + version; },
      // evalScript is not among them: duk could only offer an indirect eval, whose declarations
      // differ from a Script's.
      host262: ['global', 'gc'],
      gc: function () { shellGc(); },
      // duk compiles only by running, so a script is checked as a function body first.
      compile: function (code) {
        Function_(code);
        return code;
      },
      // The shell's one global is the realm; it can be made once.
      newRealm: function (env) {
        if (made) throw new Error('duk has one realm');
        made = true;
        kShellNames.forEach(function (name) { delete global[name]; });
        env.aliases.forEach(function (alias) {
          defineProperty(global, alias, { value: global, writable: true, configurable: true });
        });
        function enqueueJob(job) {
          // Not jobs.push: case code may put a setter on Array.prototype.
          defineProperty(jobs, jobs.length, { value: job, writable: true, enumerable: true, configurable: true });
        }
        var promise = installPromise(global, { enqueueJob: enqueueJob, slots: { record: hiddenKey('PromiseSlots') } });
        // asciiJson: the report is ASCII, so valid UTF-8 whatever duk holds (a lone surrogate, say).
        var api = evalGlobal(env.host)(global, { enqueueJob: enqueueJob, promise: promise, asciiJson: true });
        env.preludes.forEach(function (prelude) { evalGlobal(prelude); });
        return {
          api: api,
          compile: function (code) {
            Function_(code);
            return code;
          },
          run: function (code) { return evalGlobal(code); }
        };
      },
      // An allocation past the shell's memory limit throws this.
      fault: function (error) {
        return settleDriver.hasOwnMessage(error, 'alloc failed') ? 'the case ran out of memory' : null;
      },
      drain: function (realm) {
        for (var i = 0; i < jobs.length; i++) {
          try {
            jobs[i]();
          } catch (error) {
            realm.api.reportUncaught('a job', error);
          }
        }
        jobs.length = 0;
        return true;
      }
    });
    core.runOnce(setup, request);
  }
  // settle calls it once the driver is sent; the driver itself leaves no name in the global.
  defineProperty(global, 'settleMain', { value: settleMain, writable: true, configurable: true });
})();
