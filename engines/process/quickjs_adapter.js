// settle's QuickJS adapter (after driver_core.js): QuickJS compiled to WebAssembly, run by node,
// many cases in one process, each in a fresh QuickJS runtime and context.
// Run as `node driver.js NPM_DIR [ng]`: NPM_DIR holds quickjs-emscripten (`settle engines --install quickjs`); with
// `ng`, QuickJS-ng (quickjs-emscripten-core and @jitl/quickjs-ng-wasmfile-release-sync) instead.
// Case code runs inside QuickJS only: it sees the context's built-ins and host.js's functions,
// never a function of node.
(function () {
  'use strict';
  var path = require('path');
  var readline = require('readline');

  var npmDir = process.argv[2] || '';
  var ng = process.argv[3] === 'ng';
  var kPackage = ng ? '@jitl/quickjs-ng-wasmfile-release-sync' : 'quickjs-emscripten';
  var kMemoryLimit = 512 << 20;  // bytes a case's runtime may allocate
  var kMaxStackSize = 512 << 10;  // bytes of C stack a case may use (QuickJS throws past it)
  // How long a case may run inside QuickJS before it is interrupted. settle's own deadline comes
  // first (it ends the process and reports a timeout), so this only stops a runaway case that
  // nothing else stops.
  var kDefaultDeadlineMs = 60000;
  var kDeadlineGraceMs = 500;

  var newModule = null;
  var packageVersion = '';
  var loadError = null;
  try {
    if (ng) {
      var variant = require(path.join(npmDir, kPackage));
      var core_ = require(path.join(npmDir, 'quickjs-emscripten-core'));
      newModule = function () { return core_.newQuickJSWASMModuleFromVariant(variant); };
    } else {
      var quickjs = require(path.join(npmDir, kPackage));
      newModule = function () { return quickjs.newQuickJSWASMModule(); };
    }
    packageVersion = require(path.join(npmDir, kPackage, 'package.json')).version;
  } catch (error) {
    loadError = error;
  }

  var wasm = null;  // the QuickJS WebAssembly module; made anew after a fault that may have broken it
  var deadline = 0;  // of the case running now

  // An exception thrown inside QuickJS, brought out as a host exception with its description and
  // (while its realm lives) its handle.
  function ThrowInContext(description, handle, context) {
    this.description = description;
    this.handle = handle || null;
    this.context = context || null;
  }

  // Builds the hooks object inside the context from intrinsics captured before any other code
  // runs. QuickJS has no host API to queue a job, so enqueueJob reacts to a promise fulfilled now:
  // `then` on a settled promise queues a PromiseReactionJob at once, which is HostEnqueuePromiseJob.
  // The promise's own `constructor` is undefined, so `then`'s SpeciesConstructor takes %Promise%
  // without reading any property that case code could have replaced.
  var kBootstrap = '(function (global, aliases, isPromise, state, result) {\n' +
    "  'use strict';\n" +
    '  var defineProperty = global.Object.defineProperty;\n' +
    '  var resolved = global.Promise.resolve();\n' +
    "  defineProperty(resolved, 'constructor', { value: undefined });\n" +
    '  var then = global.Function.prototype.call.bind(global.Promise.prototype.then);\n' +
    '  for (var i = 0; i < aliases.length; i++) {\n' +
    '    defineProperty(global, aliases[i], { value: global, writable: true, configurable: true });\n' +
    '  }\n' +
    '  return {\n' +
    '    enqueueJob: function (job) { then(resolved, function () { job(); }); },\n' +
    '    promise: { isPromise: isPromise, state: state, result: result }\n' +
    '  };\n' +
    '})';

  // test262's module code and import(). A runtime's modules are its context's module map (one
  // instance per name); a specifier normalises to a file of the test's folder, or to a name that
  // fails to load with the reason (a failed normaliser does not fail the import here).
  var kUnresolved = 'settle-unresolved:';
  // QuickJS loads, links and evaluates a module in one call, so a module that the entry's wrapper
  // imports first tells evaluation from linking: it is evaluated before any other, after all link.
  var kEvaluating = 'settle:evaluating';
  var kEvaluatingHook = '__settleModuleEvaluating';
  var kEvaluatingSource = 'var hook = globalThis.' + kEvaluatingHook + '; delete globalThis.' + kEvaluatingHook + '; hook();';

  function setModuleLoader(runtime, test262, entry) {
    var folder = settleDriver.moduleFolder(test262);
    runtime.setModuleLoader(function (name, context) {
      if (name === kEvaluating) return kEvaluatingSource;
      if (name.indexOf(kUnresolved) === 0) return { error: new Error(name.slice(kUnresolved.length)) };
      var code = name === test262.path && entry.code !== null ? entry.code : folder.code(name);
      if (!/\.json$/.test(name)) return code;
      // A JSON module: a module whose default export is JSON.parse's value. Invalid JSON does not
      // load, with the SyntaxError of the realm's JSON.parse.
      var json = 'JSON.parse(' + JSON.stringify(code) + ')';
      try {
        JSON.parse(code);
      } catch (error) {
        var parsed = context.evalCode(json, name, { type: 'global' });
        if (parsed.error) return { error: parsed.error };
        parsed.value.dispose();
      }
      return 'export default ' + json + ';';
    }, function (base, requested) {
      if (requested === kEvaluating) return requested;
      try {
        return folder.resolve(requested);
      } catch (message) {
        return kUnresolved + message;
      }
    });
  }

  // Whether code parses as a module, compiled in a runtime of its own whose modules are all empty.
  function parsesAsModule(code, name) {
    var runtime = wasm.newRuntime();
    try {
      runtime.setModuleLoader(function () { return ''; }, function (base, requested) { return requested; });
      var context = runtime.newContext();
      try {
        var compiled = context.evalCode(code, name, { type: 'module', compileOnly: true });
        (compiled.error || compiled.value).dispose();
        return !compiled.error;
      } finally {
        context.dispose();
      }
    } finally {
      runtime.dispose();
    }
  }

  // A handle's value as a description (for messages); the handle is left alone.
  function dumpError(context, handle) {
    var copy = handle.dup();  // dump() disposes some handles (promises), not others
    try {
      var value = context.dump(copy);
      if (value && typeof value === 'object' && 'message' in value) return String(value.name) + ': ' + String(value.message);
      return typeof value === 'string' ? value : JSON.stringify(value);
    } catch (error) {
      return 'an exception that cannot be described';
    } finally {
      if (copy.alive) copy.dispose();
    }
  }

  // Why a case that QuickJS stopped cannot finish: a fault message, or null for an ordinary exception.
  function stopReason(description) {
    if (Date.now() > deadline || /^InternalError: interrupted/.test(description)) {
      return 'interrupted inside QuickJS after running past its deadline';
    }
    if (/out of memory/.test(description)) return 'the case ran out of memory (' + description + ')';
    return null;
  }

  // One runtime and context, seen by the core as a realm: its api calls host.js's functions in
  // the context, values are handles the realm disposes.
  function newRealm(env, request) {
    var timeout = request && Number(request.timeout_ms) > 0 ? Number(request.timeout_ms) : kDefaultDeadlineMs;
    deadline = Date.now() + timeout + kDeadlineGraceMs;
    var handles = [];
    function keep(handle) {
      handles.push(handle);
      return handle;
    }
    var runtime = wasm.newRuntime();
    var context;
    var test262 = request && request.test262;
    var entry = { code: null, done: null, evaluation: null };  // the module case's entry
    try {
      if (test262 && test262.folder) setModuleLoader(runtime, test262, entry);
      runtime.setMemoryLimit(kMemoryLimit);
      runtime.setMaxStackSize(kMaxStackSize);
      runtime.setInterruptHandler(function () { return Date.now() > deadline; });
      context = runtime.newContext();
    } catch (error) {
      runtime.dispose();
      throw error;
    }
    function dispose() {
      handles.reverse().forEach(function (handle) { if (handle.alive) handle.dispose(); });
      handles = [];
      try {
        if (context.alive) context.dispose();
      } finally {
        if (runtime.alive) runtime.dispose();
      }
    }
    // The value of a QuickJS result, kept; an error is thrown as ThrowInContext.
    function unwrap(result) {
      if (result.error) throw thrown(result.error);
      return keep(result.value);
    }
    function evaluate(code, name, compileOnly) {
      return unwrap(context.evalCode(code, name, compileOnly ? { type: 'global', compileOnly: true } : { type: 'global' }));
    }
    var api;
    function callApi(name, args) {
      var method = keep(context.getProp(api, name));
      return unwrap(context.callFunction(method, api, args));
    }
    // An exception of the context as the core sees one: a host exception.
    function thrown(handle) {
      keep(handle);
      return new ThrowInContext(dumpError(context, handle), handle, context);
    }
    function handleOf(value) {
      if (value instanceof ThrowInContext) return value.handle || context.undefined;
      return value;
    }
    try {
      // hooks.promise reads a promise's state and result slots through QuickJS's C API.
      var isPromise = keep(context.newFunction('isPromise', function (value) {
        var found = context.getPromiseState(value);
        if (found.notAPromise) return context.false;
        if (found.type !== 'pending') (found.value || found.error).dispose();
        return context.true;
      }));
      var state = keep(context.newFunction('state', function (value) {
        var found = context.getPromiseState(value);
        if (found.notAPromise) return context.undefined;
        if (found.type !== 'pending') (found.value || found.error).dispose();
        return context.newString(found.type);
      }));
      var result = keep(context.newFunction('result', function (value) {
        var found = context.getPromiseState(value);
        if (found.notAPromise || found.type === 'pending') return context.undefined;
        return found.type === 'fulfilled' ? found.value : found.error;
      }));
      var bootstrap = evaluate(kBootstrap, 'settle-bootstrap.js');
      var aliasList = evaluate(JSON.stringify(env.aliases), 'settle-aliases.js');
      var hooks = unwrap(context.callFunction(bootstrap, context.undefined, [context.global, aliasList, isPromise, state, result]));
      var installer = evaluate(env.host.code, env.host.name);
      api = unwrap(context.callFunction(installer, context.undefined, [context.global, hooks]));
      env.preludes.forEach(function (prelude) { evaluate(prelude.code, prelude.name); });
    } catch (error) {
      dispose();
      throw error;
    }
    return {
      api: {
        observe: function (value) { callApi('observe', [value]); },
        observeThrow: function (error) { callApi('observeThrow', [handleOf(error)]); },
        observeCompleted: function () { callApi('observeCompleted', []); },
        capturePromise: function () { callApi('capturePromise', []); },
        outlivesCase: function () {
          var outlives = callApi('outlivesCase', []);
          return context.typeof(outlives) === 'boolean' && context.dump(outlives) === true;
        },
        // $262.global and evalScript (a global script of the context); createRealm is not wired
        // here: quickjs-emscripten keeps each context's values to itself.
        install262: function () {
          var parts = keep(context.newObject());
          var evalScript = keep(context.newFunction('evalScript', function (source) {
            var text = context.typeof(source) === 'string' ? context.getString(source) : '';
            var ran = context.evalCode(text, 'evalScript', { type: 'global' });
            return ran.error ? { error: ran.error } : ran.value;
          }));
          context.setProp(parts, 'evalScript', evalScript);
          callApi('install262', [parts]);
        },
        runNextTimer: function () {
          var more = callApi('runNextTimer', []);
          return context.typeof(more) === 'boolean' && context.dump(more) === true;
        },
        finish: function (names) {
          var watch = keep(context.newArray());
          names.forEach(function (name, i) {
            var text = context.newString(name);
            context.setProp(watch, i, text);
            text.dispose();
          });
          return context.getString(callApi('finish', [watch]));
        }
      },
      // A compile-only evaluation: its error is the context's SyntaxError.
      compile: function (code, name) {
        evaluate(code, name, true);
        return { code: code, name: name };
      },
      run: function (script) { return evaluate(script.code, script.name); },
      string: function (handle) { return context.getString(handle); },
      drainJobs: function () {
        for (;;) {
          var ran = runtime.executePendingJobs(-1);
          if (ran.error) {
            // A job's exception that QuickJS does not turn into a rejection: an interruption or memory.
            throw thrown(ran.error);
          }
          if (!runtime.hasPendingJob()) break;
        }
        if (entry.evaluation) {
          var found = context.getPromiseState(entry.evaluation);
          if (found.type === 'pending') return;
          entry.evaluation = null;
          if (found.type === 'fulfilled') {
            found.value.dispose();
            entry.done(null);
          } else {
            entry.done('runtime', thrown(found.error));
          }
        }
      },
      // The entry module: parsed alone, then imported by a wrapper whose first import tells when
      // evaluation begins; done(phase, error) once its evaluation has settled (drainJobs sees that).
      runModule: function (module, done) {
        entry.code = module.code;
        if (!parsesAsModule(module.code, module.path)) {
          // Its SyntaxError again, of this context: a module that does not parse loads nothing.
          var parsed = context.evalCode(module.code, module.path, { type: 'module', compileOnly: true });
          if (parsed.error) return done('parse', thrown(parsed.error));
          parsed.value.dispose();
        }
        var evaluating = false;
        var hook = keep(context.newFunction('', function () { evaluating = true; }));
        context.defineProp(context.global, kEvaluatingHook, { value: hook, configurable: true, enumerable: false });
        var specifier = './' + module.path.slice(module.path.lastIndexOf('/') + 1);
        var wrapper = 'import ' + JSON.stringify(kEvaluating) + '; import ' + JSON.stringify(specifier) + ';';
        var evaluated = context.evalCode(wrapper, 'settle:entry', { type: 'module' });
        if (evaluated.error) return done(evaluating ? 'runtime' : 'resolution', thrown(evaluated.error));
        var value = keep(evaluated.value);
        // The namespace when evaluation completed at once, else a promise of it.
        var found = context.getPromiseState(value);
        if (found.notAPromise) return done(null);
        if (found.type !== 'pending') (found.value || found.error).dispose();
        entry.evaluation = value;
        entry.done = done;
      },
      dispose: function () {
        try {
          dispose();
        } catch (error) {
          wasm = null;  // a leak or a trap while freeing: start from a new module
        }
      }
    };
  }

  // QuickJS's own version, as its memory report names it ("QuickJS memory usage -- 2025-09-13 version").
  function quickjsVersion() {
    var runtime = wasm.newRuntime();
    try {
      var found = /-- (\S+) version/.exec(runtime.dumpMemoryUsage());
      return found ? found[1] : '';
    } finally {
      runtime.dispose();
    }
  }

  var core = settleDriver.create({
    write: function (line) { process.stdout.write(line + '\n'); },
    version: function () {
      return (ng ? 'QuickJS-ng ' : 'QuickJS ') + (quickjsVersion() || 'unknown') + ' (' + kPackage + ' ' + packageVersion + ')';
    },
    host262: ['global', 'evalScript'],
    prepare: function (done) {
      if (!newModule) {
        done(kPackage + ' cannot be loaded from ' + (npmDir || '(no folder given)') + ': ' +
          settleDriver.describe(loadError).split('\n')[0] + '; run settle engines --install quickjs quickjs-ng');
        return;
      }
      if (wasm) {
        done('');
        return;
      }
      newModule().then(function (module) {
        wasm = module;
        done('');
      }, function (error) {
        done('setup failed: ' + settleDriver.describe(error));
      });
    },
    // Compiled anew in each context; a syntax check here answers a setup error at once.
    compile: function (code, name) {
      var runtime = wasm.newRuntime();
      try {
        var context = runtime.newContext();
        try {
          var compiled = context.evalCode(code, name, { type: 'global', compileOnly: true });
          if (compiled.error) {
            var description = dumpError(context, compiled.error);
            compiled.error.dispose();
            throw new ThrowInContext(description);
          }
          compiled.value.dispose();
        } finally {
          context.dispose();
        }
      } finally {
        runtime.dispose();
      }
      return { code: code, name: name };
    },
    newRealm: newRealm,
    modules: true,
    runModule: function (realm, entry, done) { realm.runModule(entry, done); },
    drain: function (realm) {
      realm.drainJobs();
      return true;
    },
    // An error's name is often inherited, which dump() leaves out: as the core describes an
    // exception, `name: message`, or the value as a string when it has no name (messages only).
    describe: function (error) {
      if (!(error instanceof ThrowInContext)) return settleDriver.describe(error);
      if (!/^undefined: /.test(error.description) || !error.handle || !error.handle.alive) return error.description;
      var context = error.context;
      var handles = [];
      try {
        var name = context.getProp(error.handle, 'name');
        handles.push(name);
        if (context.typeof(name) === 'string') return context.getString(name) + error.description.slice('undefined'.length);
        var toText = context.getProp(context.global, 'String');
        handles.push(toText);
        var text = context.callFunction(toText, context.undefined, [error.handle]);
        handles.push(text.error || text.value);
        return text.error ? error.description : context.getString(text.value);
      } catch (e) {
        return error.description;
      } finally {
        handles.forEach(function (handle) { if (handle.alive) handle.dispose(); });
      }
    },
    fault: function (error) {
      if (error instanceof ThrowInContext) return stopReason(error.description);
      // A host exception (a WebAssembly trap, a broken handle): the module may be unusable now.
      wasm = null;
      return 'QuickJS failed: ' + settleDriver.describe(error);
    },
    // An interruption inside a job becomes a rejection there: past the deadline, nothing observed counts.
    afterCase: function () {
      return Date.now() > deadline ? stopReason('') : null;
    }
  });

  readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
    .on('line', core.receive)
    .on('close', function () { core.whenIdle(function () { process.exit(0); }); });
})();
