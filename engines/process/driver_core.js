// settle's driver core: what every process driver does, whatever the shell. settle writes this file
// followed by one shell's adapter (engines/process/<shell>_adapter.js) as the driver it runs.
// ES5 throughout, so that Duktape and Hermes run it too.
//
// It speaks the line protocol (engines/process/protocol.h): setup, harness and case requests in,
// `<nonce> <JSON>` replies out. It runs the case lifecycle: a fresh realm (host.js and the user's
// preludes), $262 and the test262 harness files (compiled once per process), the code compiled
// before it runs (so that a parse-phase error is told apart from one thrown while running), the
// subject observed, jobs and timers drained, the report written.
//
// An adapter calls settleDriver.create(adapter) and feeds the result each input line (receive;
// whenIdle(fn) once input ends), or, for a process per case, calls its runOnce(setup, request)
// with the two requests. The adapter gives only what differs between shells:
//   write(line)                  writes one line (no newline) to stdout
//   version()                    the engine's version
//   host262                      the $262 parts it gives: 'global', 'evalScript', 'createRealm',
//                                'gc', 'detachArrayBuffer' (core builds evalScript and createRealm)
//   gc(), detachArrayBuffer(b)   where host262 names them
//   compile(code, name)          compiles a script for any realm without running it; throws when it
//                                does not compile (host, preludes, harness files)
//   newRealm(env, request)       a fresh realm (for the case request, or null) with env.host (its
//                                installer run with the realm's global and hooks: a job queue,
//                                reading a promise's state without calling then), env.aliases and
//                                env.preludes. The realm has:
//                                  api      host.js's functions (observe, finish, ...)
//                                  compile(code, name)  compiles in the realm without running;
//                                           throws the realm's SyntaxError when it does not
//                                  run(compiled)        runs; returns the completion value or throws
//                                  string(value)        a completion value as a string (optional)
//                                  dispose()            frees it (optional)
//   drain(realm, done)           runs the realm's jobs until none is left: returns true when done
//                                then, or false and calls done() later
//   prepare(done)                optional: asynchronous work before setup, each case and each
//                                harness file; done(problem or '')
//   fault(error)                 optional: a fault message when an exception means the case cannot
//                                go on (out of memory, interrupted), or null
//   afterCase(realm)             optional: a fault message for a case that finished, or null
//   describe(error)              optional: an exception as text
//   now()                        optional: a clock in milliseconds. With it the core ends a case
//                                whose jobs and timers go on past the request's timeout_ms itself
//                                (a timed-out result keeping what was logged, the realm removed)
//                                and its ready reply says enforces_timeout; a case that never
//                                yields (a loop) is still settle's to end
//   requestTime()                optional, with now(): when the case's request was read, by now()'s
//                                clock, from which its timeout counts (default: now())
//   awaitsNetwork(realm, then)   optional, with an asynchronous drain: true when the realm, with no
//                                job or timer left, still waits on something the host fetches (a
//                                browser's module loader); then() is called a moment later, and the
//                                realm drained again, until the case's deadline
//   modules                      optional: true when runModule runs test262's module code
//   runModule(realm, entry, done) evaluates entry.code as the module entry.path of the realm
//                                (newRealm gets the request, whose test262.files are the files
//                                of its folder, for module code and import()); done(phase,
//                                error) once it has settled, with phase 'parse' (the entry does
//                                not parse), 'resolution' (it does not link), 'runtime', or null
var settleDriver = (function () {
  'use strict';
  var stringify = JSON.stringify;
  var parse = JSON.parse;
  var String_ = String;
  // Captured now: on a shell whose one realm is the case's (duk, hermes) case code could replace it.
  var getOwnPropertyDescriptor = Object.getOwnPropertyDescriptor;
  var hasOwnProperty = Object.prototype.hasOwnProperty;

  function describe(error) {
    try {
      return error && error.name !== undefined ? String_(error.name) + ': ' + String_(error.message) : String_(error);
    } catch (e) {
      return 'an exception that cannot be described';
    }
  }

  // Whether `error` is an object whose own `message` is `message`, read without calling a getter:
  // how some shells report an exhausted heap, as an exception that case code could also throw.
  function hasOwnMessage(error, message) {
    try {
      if ((typeof error !== 'object' && typeof error !== 'function') || error === null) return false;
      var own = getOwnPropertyDescriptor(error, 'message');
      return own !== undefined && own.value === message;
    } catch (e) {
      return false;
    }
  }

  function has(list, name) {
    for (var i = 0; i < list.length; i++) if (list[i] === name) return true;
    return false;
  }

  // The files a test262 run's modules load (test262.files, its folder's): a specifier resolves to
  // ./name in the test's folder only, so that a specifier leaving it is a resolution error and
  // never a file read. resolve(specifier) gives the file's path or throws a message (a string),
  // which the adapter throws as an error of the realm; code(path) gives the file's source.
  function moduleFolder(test262) {
    var files = test262.files || {};
    var folder = test262.path.slice(0, test262.path.lastIndexOf('/') + 1);
    return {
      resolve: function (specifier) {
        var name = String_(specifier);
        if (name.slice(0, 2) !== './' || name.length === 2 || name.indexOf('/', 2) !== -1) {
          throw 'settle resolves only ./name, in the test\'s folder: ' + name;
        }
        var path = folder + name.slice(2);
        if (path !== test262.path && !hasOwnProperty.call(files, path)) throw 'no module ' + name + ' in ' + folder;
        return path;
      },
      code: function (path) {
        return hasOwnProperty.call(files, path) ? files[path] : '';
      }
    };
  }

  function create(adapter) {
    var nonce = '';
    var env = null;  // {host, preludes, aliases}: set up without error
    var harness = {};  // test262 harness files by name: {compiled} or {error}
    var folders = {};  // test262 module folders by path: {file path: code}
    var host262 = adapter.host262 || ['global'];

    function describeThrown(error) {
      return adapter.describe ? adapter.describe(error) : describe(error);
    }
    function faultOf(error) {
      return adapter.fault ? adapter.fault(error) : null;
    }
    // Replies to setup, before any case code runs.
    function reply(message) {
      adapter.write(nonce + ' ' + stringify(message));
    }
    // Replies once case code has run are written by hand, with strings alone given to stringify
    // (which reads no property of a string): on a shell whose one realm is the case's, case code
    // can give Object.prototype a toJSON that would write a result of its choosing.
    function quote(text) {
      return stringify(String_(text));
    }
    function recycleField() {
      return recycleCase ? ',"recycle":true' : '';
    }
    function replyFault(message) {
      adapter.write(nonce + ' {"type":"fault","message":' + quote(message) + recycleField() + '}');
    }
    // The case ran out of its time between two tasks: what it logged so far is its report.
    function replyTimedOut(realm, request, done) {
      var report;
      try {
        report = realm.api.finish(request.watch || []);
      } catch (error) {
        report = '{}';
      }
      endCase(realm);
      adapter.write(nonce + ' {"type":"result","timed_out":true' + recycleField() + ',"report":' + report + '}');
      done();
    }

    function replyResult(parseError, harnessError, report, resolutionError) {
      adapter.write(nonce + ' {"type":"result","parse_error":' + (parseError ? 'true' : 'false') +
        (resolutionError ? ',"resolution_error":true' : '') +
        (harnessError ? ',"harness_error":' + quote(harnessError) : '') + recycleField() +
        ',"report":' + report + '}');
    }

    // The realms of the case that runs now (its own, and those $262.createRealm made): a case that
    // asked any of them for a callback that may outlive it ends its process (host.js,
    // outlivesCase), so that no callback of it runs in another case's time.
    var caseRealms = [];
    var recycleCase = false;
    // When the case that runs now must have ended (adapter.now's clock), or 0: see now() above.
    var caseDeadline = 0;
    var kTimedOut = {};
    function caseOutlivesItself() {
      for (var i = 0; i < caseRealms.length; i++) {
        try {
          if (caseRealms[i].api.outlivesCase()) return true;
        } catch (error) {
          return true;
        }
      }
      return false;
    }
    function dispose(realm) {
      try {
        if (realm && realm.dispose) realm.dispose();
      } catch (ignored) {}
    }
    // Ends the case's realm, having asked its realms first whether the process must end too.
    function endCase(realm) {
      recycleCase = caseOutlivesItself();
      dispose(realm);
    }

    // A fresh realm; request is the case it is for (null for the probes and createRealm).
    function newRealm(request) {
      var realm = adapter.newRealm(env, request || null);
      // The preludes have run: a library's Promise is in place (without one, the host took the
      // realm's own when it was installed), and the global they alone may see goes.
      realm.api.capturePromise();
      return realm;
    }

    // $262 for the realm, with the parts the adapter gives; createRealm's realm gets its own.
    function install262(realm) {
      var parts = {};
      if (has(host262, 'evalScript')) {
        parts.evalScript = function (code) { return realm.run(realm.compile(String_(code), 'evalScript')); };
      }
      if (has(host262, 'createRealm')) {
        parts.createRealm = function () {
          var made = newRealm();
          caseRealms[caseRealms.length] = made;
          return install262(made);
        };
      }
      if (has(host262, 'gc')) parts.gc = function () { adapter.gc(); };
      if (has(host262, 'detachArrayBuffer')) {
        parts.detachArrayBuffer = function (buffer) { adapter.detachArrayBuffer(buffer); return null; };
      }
      return realm.api.install262(parts);
    }

    function compileHarness(name, code) {
      try {
        harness[name] = { compiled: adapter.compile(code, name) };
      } catch (error) {
        harness[name] = { error: describeThrown(error) };
      }
    }

    // Runs a test262 test's harness files in the realm; the first failure's description, or ''.
    function loadHarness(realm, names) {
      for (var i = 0; i < names.length; i++) {
        var file = harness.hasOwnProperty(names[i]) ? harness[names[i]] : null;
        if (!file) return names[i] + ': settle did not send this harness file';
        if (file.error) return names[i] + ': ' + file.error;
        try {
          realm.run(file.compiled);
        } catch (error) {
          return names[i] + ' threw ' + describeThrown(error);
        }
      }
      return '';
    }

    // Compiles the host prelude and the user's preludes; a setup error is answered at once. With
    // forCase (a process per case) a failure is the case's fault and nothing is probed.
    function setup(request, forCase, done) {
      nonce = request.nonce;
      env = null;
      var failure = forCase ? 'fault' : 'error';
      if (adapter.prepare) {
        adapter.prepare(function (problem) {
          if (problem) reply({ type: failure, message: problem });
          else setupPrepared(request, forCase);
          done();
        });
        return;
      }
      setupPrepared(request, forCase);
      done();
    }

    function setupPrepared(request, forCase) {
      var failure = forCase ? 'fault' : 'error';
      var host;
      try {
        host = adapter.compile(request.host, 'engines/host/host.js');
      } catch (error) {
        reply({ type: failure, message: 'the host prelude does not compile: ' + describeThrown(error) });
        return;
      }
      var preludes = [];
      var sources = request.preludes || [];
      for (var i = 0; i < sources.length; i++) {
        try {
          preludes[i] = adapter.compile(sources[i].code, sources[i].file);
        } catch (error) {
          reply({ type: failure, prelude: sources[i].file, message: describeThrown(error) });
          return;
        }
      }
      env = { host: host, preludes: preludes, aliases: request.aliases || [] };
      if (forCase) return;
      var realm = null;
      var features;
      try {
        realm = newRealm();
        var probed = realm.run(realm.compile(request.probes, 'probes'));
        features = parse(realm.string ? realm.string(probed) : String_(probed));
      } catch (error) {
        env = null;
        reply({ type: 'error', message: 'setup failed: ' + describeThrown(error) });
        return;
      } finally {
        dispose(realm);
      }
      reply({ type: 'ready', version: adapter.version(), features: features, host262: host262,
        modules: Boolean(adapter.modules && adapter.runModule), enforces_timeout: Boolean(adapter.now) });
    }

    // The job queue has drained: the host's rejection checkpoint (docs/design.md, "Unhandled
    // rejections"), then the timer due first; false when none is left.
    function afterDrain(realm) {
      if (realm.api.checkpoint) realm.api.checkpoint();
      return realm.api.runNextTimer();
    }

    // Runs jobs, then the timer due first, until neither is left; then done().
    function drainAll(realm, done) {
      function next() {
        try {
          if (caseDeadline && adapter.now() > caseDeadline) return done(kTimedOut);
          if (afterDrain(realm)) return drainAll(realm, done);
          if (adapter.awaitsNetwork && adapter.awaitsNetwork(realm, function () { drainAll(realm, done); })) return;
          done(null);
        } catch (error) {
          done(error);
        }
      }
      try {
        while (adapter.drain(realm, next)) {
          if (!afterDrain(realm)) return done(null);
        }
      } catch (error) {
        done(error);
      }
    }

    function runCase(request, done) {
      if (!adapter.prepare || !env) return runPreparedCase(request, done);
      adapter.prepare(function (problem) {
        if (!problem) return runPreparedCase(request, done);
        replyFault(problem);
        done();
      });
    }

    function runPreparedCase(request, done) {
      var realm = null;
      function fault(message) {
        endCase(realm);
        replyFault(message);
        done();
      }
      if (!env) return fault('the driver is not set up');
      var test262Request = request.test262;
      if (test262Request && test262Request.folder) {
        test262Request.files = folders.hasOwnProperty(test262Request.folder) ? folders[test262Request.folder] : {};
      }
      caseRealms = [];
      recycleCase = false;
      caseDeadline = 0;
      if (adapter.now && request.timeout_ms > 0) {
        caseDeadline = (adapter.requestTime ? adapter.requestTime() : adapter.now()) + request.timeout_ms;
      }
      try {
        realm = newRealm(request);
      } catch (error) {
        return fault(faultOf(error) || 'the realm could not be built: ' + describeThrown(error));
      }
      caseRealms[0] = realm;
      var parseError = false;
      try {
        var test262 = request.test262;
        if (test262) {
          install262(realm);
          var inline = test262.harness_code || [];
          for (var h = 0; h < inline.length; h++) compileHarness(inline[h].name, inline[h].code);
          var harnessError = loadHarness(realm, test262.harness || []);
          if (harnessError) {
            realm.api.observeCompleted();
            var harnessReport = realm.api.finish([]);
            endCase(realm);
            replyResult(false, harnessError, harnessReport);
            return done();
          }
        }
        if (test262 && test262.module) return runModuleCase(realm, request, done, fault);
        var code = request.strict ? "'use strict'; " + request.code : request.code;
        var compiled = null;
        try {
          compiled = realm.compile(code, request.id);
        } catch (error) {
          var stopped = faultOf(error);
          if (stopped) return fault(stopped);
          parseError = true;
          realm.api.observeThrow(error);
        }
        if (!parseError) {
          var completion;
          var threw = false;
          try {
            completion = realm.run(compiled);
          } catch (error) {
            threw = true;
            completion = error;
          }
          if (threw) {
            var stop = faultOf(completion);
            if (stop) return fault(stop);
            realm.api.observeThrow(completion);
          } else if (test262) {
            realm.api.observeCompleted();
          } else {
            realm.api.observe(completion);
          }
        }
      } catch (error) {
        return fault(faultOf(error) || 'the driver failed: ' + describeThrown(error));
      }
      drainThenReply(realm, request, fault, done, function () {
        return { parse: parseError, resolution: false };
      });
    }

    // Runs the realm's jobs and timers, then conclude(): it observes what is left to observe and
    // returns the reply's phase flags {parse, resolution}, or a fault message. Then the report.
    function drainThenReply(realm, request, fault, done, conclude) {
      drainAll(realm, function (error) {
        if (error === kTimedOut) return replyTimedOut(realm, request, done);
        if (error) return fault(faultOf(error) || 'the driver failed: ' + describeThrown(error));
        var phases;
        var report;
        try {
          phases = conclude();
          if (typeof phases === 'string') return fault(phases);
          report = realm.api.finish(request.watch || []);
        } catch (error2) {
          return fault(faultOf(error2) || 'the observed values could not be serialised: ' + describeThrown(error2));
        }
        var late = adapter.afterCase ? adapter.afterCase(realm) : null;
        if (late) return fault(late);
        // Writing the report ran case code (getters, toString), which may have queued jobs: they
        // run now, in this case's time, and not in the next case's.
        afterJobs(realm, function () {
          endCase(realm);
          replyResult(phases.parse, '', report, phases.resolution);
          done();
        });
      });
    }

    // Runs the jobs that are queued, then then().
    function afterJobs(realm, then) {
      var called = false;
      function once() {
        if (called) return;
        called = true;
        then();
      }
      var drained;
      try {
        drained = adapter.drain(realm, once);
      } catch (error) {
        drained = true;
      }
      if (drained) once();
    }

    // test262 module code: the entry evaluated as a module, jobs and timers drained (top-level
    // await may wait for them), then the outcome observed by the phase it failed in.
    function runModuleCase(realm, request, done, fault) {
      if (!adapter.modules || !adapter.runModule) return fault('this driver does not run module code');
      var outcome = null;
      adapter.runModule(realm, { path: request.test262.path, code: request.code }, function (phase, error) {
        if (!outcome) outcome = { phase: phase, error: error };
      });
      drainThenReply(realm, request, fault, done, function () {
        var stopped = outcome && outcome.phase ? faultOf(outcome.error) : null;
        if (stopped) return stopped;
        if (!outcome) realm.api.observeThrow('the module evaluation never completed');
        else if (outcome.phase) realm.api.observeThrow(outcome.error);
        else realm.api.observeCompleted();
        return { parse: outcome && outcome.phase === 'parse', resolution: outcome && outcome.phase === 'resolution' };
      });
    }

    function handle(request, done) {
      if (request.type === 'setup') setup(request, false, done);
      else if (request.type === 'harness') withPrepared(function () { compileHarness(request.name, request.code); }, done);
      else if (request.type === 'module_folder') {
        var files = {};
        (request.files || []).forEach(function (file) { files[file.name] = file.code; });
        folders[request.folder] = files;
        done();
      } else if (request.type === 'case') runCase(request, done);
      else done();
    }

    // Runs fn once the adapter is prepared (a fault may have made it start over).
    function withPrepared(fn, done) {
      if (!adapter.prepare || !env) {
        fn();
        return done();
      }
      adapter.prepare(function () {
        fn();
        done();
      });
    }

    // Requests are handled one at a time, in order; a case may finish asynchronously.
    var queue = [];
    var busy = false;
    var idle = [];
    function pump() {
      if (busy) return;
      busy = true;
      while (queue.length > 0) {
        var request;
        try {
          request = parse(queue.shift());
        } catch (error) {
          continue;
        }
        var sync = true;
        var finished = false;
        var step = function () {
          finished = true;
          if (!sync) {
            busy = false;
            pump();
          }
        };
        try {
          handle(request, step);
        } catch (error) {
          replyFault('the driver failed: ' + describeThrown(error));
          finished = true;
        }
        sync = false;
        if (!finished) return;
      }
      busy = false;
      while (idle.length > 0) idle.shift()();
    }

    return {
      // One line of input.
      receive: function (line) {
        queue.push(line);
        pump();
      },
      // Calls fn once every request received so far is answered.
      whenIdle: function (fn) {
        idle.push(fn);
        if (!busy && queue.length === 0) pump();
      },
      // A process per case: the setup request, then the case (null: answer the probes).
      runOnce: function (setupRequest, caseRequest) {
        setup(setupRequest, Boolean(caseRequest), function () {
          if (caseRequest && env) runCase(caseRequest, function () {});
        });
      }
    };
  }

  return { create: create, describe: describe, hasOwnMessage: hasOwnMessage, moduleFolder: moduleFolder };
})();
