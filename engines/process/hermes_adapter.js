// settle's adapter for Hermes's command-line shell, hermes (after driver_core.js). Hermes makes no
// second realm, so settle starts one `hermes -Xmicrotask-queue -` per case and sends the driver
// on stdin, followed by a call settleMain(setup, request, promiseJs) with the setup request and the
// case request (null to answer the feature probes); Hermes has its own Promise, so promiseJs is
// left unused. The case runs in the shell's own global, so everything the driver needs is
// captured first, and the shell's functions are deleted.
(function () {
  'use strict';
  var global = new Function('return this')();
  var write = global.print;
  var evalGlobal = global.eval;
  var Function_ = global.Function;
  var defineProperty = Object.defineProperty;
  var shellSetImmediate = global.setImmediate;
  var shellGc = global.gc;
  var internal = global.HermesInternal;
  var enqueue = internal && internal.enqueueJob;
  var trackRejections = internal && internal.enablePromiseRejectionTracker;
  var apply = Function.prototype.call.bind(Function.prototype.apply);
  // The shell's own functions, which reach the process (quit), files (loadSegment,
  // createHeapSnapshot) or its event loop.
  var kShellNames = ['print', 'quit', 'gc', 'createHeapSnapshot', 'loadSegment', 'setTimeout',
    'clearTimeout', 'setImmediate', 'clearImmediate', 'HermesInternal', 'console', 'require',
    'serializeVM', 'load', 'readline'];

  function version() {
    try {
      var properties = internal.getRuntimeProperties();
      return String(properties['OSS Release Version'] || properties.Build || 'unknown');
    } catch (error) {
      return 'unknown';
    }
  }

  function settleMain(setup, request) {
    // Case code runs in this global: it must not call settleMain, whose reply writes to stdout.
    delete global.settleMain;
    var made = false;
    var core = settleDriver.create({
      write: function (line) { write(line); },
      version: version,
      // evalScript is not among them: Hermes could only offer an indirect eval, whose declarations
      // differ from a Script's.
      host262: ['global', 'gc'],
      gc: function () { shellGc(); },
      // Hermes compiles only by running, so a script is checked as a function body first.
      compile: function (code) {
        Function_(code);
        return code;
      },
      // The shell's one global is the realm; it can be made once.
      newRealm: function (env) {
        if (made) throw new Error('hermes has one realm');
        made = true;
        kShellNames.forEach(function (name) {
          try {
            delete global[name];
          } catch (notConfigurable) {}  // HermesInternal cannot go; the driver took what it needs
        });
        env.aliases.forEach(function (alias) {
          defineProperty(global, alias, { value: global, writable: true, configurable: true });
        });
        var tracks = typeof trackRejections === 'function';
        var api = evalGlobal(env.host)(global, { enqueueJob: function (job) { enqueue(job); }, tracksRejections: tracks });
        // Hermes's batched events, for host.js's rule (docs/design.md, "Unhandled rejections"). Its
        // Promise (then/promise's) queues a task at each unhandled rejection, which calls onUnhandled
        // unless a handler came first; onHandled is called when a handler is added to a promise
        // reported so. Both name the promise by a number of their own.
        if (tracks) {
          apply(trackRejections, internal, [{
            allRejections: true,
            onUnhandled: function (id, reason) { api.rejectionEvent('unhandled', id, reason); },
            onHandled: function (id) { api.rejectionEvent('handled', id); }
          }]);
        }
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
      // The shell runs every job before its next macrotask.
      drain: function (realm, done) {
        shellSetImmediate(done);
        return false;
      }
    });
    core.runOnce(setup, request);
  }
  // settle calls it once the driver is sent; the driver itself leaves no name in the global.
  defineProperty(global, 'settleMain', { value: settleMain, writable: true, configurable: true });
})();
