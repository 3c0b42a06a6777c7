// settle's node adapter (after driver_core.js): many cases in one process, each in a fresh vm
// context. Bun and Deno run it too: they give node:vm. Strict mode throughout, so that no
// stack-trace API can hand case code a function of this realm.
(function () {
  'use strict';
  // Deno runs the driver as a module, without require; node 22+, Bun and Deno have this.
  var load = typeof require === 'function' ? require : process.getBuiltinModule;
  var vm = load('vm');
  var readline = load('readline');
  // Deno before 2.4 has no global setImmediate; its node:timers has.
  var setImmediateOfHost = typeof setImmediate === 'function' ? setImmediate : load('timers').setImmediate;
  // Node 6 to 9 have no util.types (settle versions sweeps them): process.binding('util') has
  // the same checks there.
  var legacyBinding = null;
  try {
    legacyBinding = typeof process === 'object' && typeof process.binding === 'function' &&
      !load('util').types ? process.binding('util') : null;
  } catch (error) {
    legacyBinding = null;
  }
  var types = load('util').types || legacyBinding;
  var isPromise = types.isPromise;
  var objectToString = Object.prototype.toString;
  var isNativeError = types.isNativeError ||
    function (value) { return objectToString.call(value) === '[object Error]'; };
  // Node before 11 has no queueMicrotask; a resolved promise's reaction is a job of the same queue.
  var resolvedPromise = Promise.resolve();
  var queueJob = typeof queueMicrotask === 'function' ? queueMicrotask :
    function (job) { resolvedPromise.then(job); };

  // Reading a native promise's state without calling `then`: node's internal binding (with
  // --expose-internals), Deno's core, or Bun.peek. Without any, promises are observed through
  // `then`.
  var promiseDetails = null;
  try {
    if (typeof Deno === 'object' && Deno && Deno.internal) {
      promiseDetails = Deno[Deno.internal].core.getPromiseDetails;
    } else {
      promiseDetails = load('internal/test/binding').internalBinding('util').getPromiseDetails;
    }
  } catch (error) {
    promiseDetails = null;
  }
  if (typeof promiseDetails !== 'function' && typeof process === 'object' && typeof process.binding === 'function' &&
      !(typeof Deno === 'object' && Deno) && !(typeof Bun === 'object' && Bun)) {
    try {
      promiseDetails = process.binding('util').getPromiseDetails;  // node 8 to 10
    } catch (error) {
      promiseDetails = null;
    }
  }
  if (typeof promiseDetails !== 'function') promiseDetails = null;
  var kStates = ['pending', 'fulfilled', 'rejected'];
  var promiseHooks = null;
  if (promiseDetails) {
    promiseHooks = {
      isPromise: isPromise,
      state: function (promise) { return kStates[promiseDetails(promise)[0]]; },
      result: function (promise) { return promiseDetails(promise)[1]; }
    };
  } else if (typeof Bun === 'object' && Bun && typeof Bun.peek === 'function') {
    var peek = Bun.peek;
    promiseHooks = {
      isPromise: isPromise,
      state: function (promise) { return peek.status(promise); },
      result: function (promise) { return peek.status(promise) === 'pending' ? undefined : peek(promise); }
    };
  }

  // A case's unhandled rejection or stray exception must not end the process.
  // The host's own batched events, for host.js's rule (docs/design.md, "Unhandled rejections"):
  // they come once the microtasks have drained, before the setImmediate that ends a drain.
  process.on('unhandledRejection', function (reason, promise) {
    if (current.api) current.api.rejectionEvent('unhandled', promise, reason);
  });
  process.on('rejectionHandled', function (promise) {
    if (current.api) current.api.rejectionEvent('handled', promise);
  });
  process.on('uncaughtException', function () {});

  var hooks = {
    enqueueJob: function (job) { queueJob(job); },
    promise: promiseHooks,
    tracksRejections: true
  };

  // The names each runtime adds to every vm context that the host API does not have. Among them
  // a realm maker: Bun's ShadowRealm makes a realm with Bun's own globals (process, Bun), and a
  // realm that settle does not make is not sandboxed.
  var kContextExtras = ['console', 'Deno', 'Bun', 'process', 'require', 'module', 'global', 'window', 'self',
    'navigator', 'fetch', 'WebSocket', 'Worker', 'setImmediate', 'queueMicrotask', 'structuredClone',
    'ShadowRealm'];

  // --expose-gc gives every context a gc that cannot be deleted, whose {execution: 'async'} settles
  // a promise from the event loop, after the case may have ended. The driver keeps its own gc
  // ($262.gc calls it) and contexts made from now on get none; where the flag cannot be turned off,
  // a case's gc is overwritten (it is writable).
  var driverGc = typeof gc === 'function' ? gc : null;
  try {
    load('v8').setFlagsFromString('--no-expose-gc');
  } catch (error) {}

  var kRunOptions = { displayErrors: false };

  // Every script gets one import() callback, which asks the case that runs now: its module map, or
  // a TypeError of its realm. Without a callback node rejects import() with an error of this realm,
  // whose constructor's constructor is this realm's Function, and through it `process`. And a
  // callback must not belong to one realm: V8 caches eval code with the callback of the script that
  // first compiled it, so a later case's (0, eval)('import(...)') would reach an earlier case's realm.
  var current = { global: null, modules: null, api: null };  // set by newRealm for each case
  function importForCurrentCase(specifier, referrer, attributes) {
    if (current.modules) return current.modules.dynamicImport(specifier, referrer, attributes);
    throw new current.global.TypeError("import('" + String(specifier) + "'): this case has no modules to import");
  }

  function compile(code, name) {
    return new vm.Script(code, { filename: name, importModuleDynamically: importForCurrentCase });
  }

  // test262's module code and import() (node's vm modules, with --experimental-vm-modules).
  var SourceTextModule = vm.SourceTextModule;
  var SyntheticModule = vm.SyntheticModule;
  // Bun's vm modules link, but a namespace that import() hands back has lost its bindings.
  var runsModules = typeof SourceTextModule === 'function' && typeof SyntheticModule === 'function' &&
    !(typeof Bun === 'object' && Bun);

  // The module map of one case: one instance per file of the test's folder
  // (settleDriver.moduleFolder says which a specifier names).
  function moduleLoader(context, global, test262) {
    var folder = settleDriver.moduleFolder(test262);
    var map = Object.create(null);
    var entryCode = null;
    function resolve(specifier) {
      try {
        return folder.resolve(specifier);
      } catch (message) {
        throw new global.Error(message);
      }
    }
    // One instance per file and module type: a file imported as text and as JavaScript is two
    // modules (the host's import-text: its default export is the file's text).
    function load(path, attributes) {
      var type = attributes && attributes.type === 'text' ? 'text' : '';
      var key = type ? path + '\u0000' + type : path;
      if (map[key]) return map[key];
      var code = path === test262.path && entryCode !== null ? entryCode : folder.code(path);
      var module;
      if (type === 'text') {
        module = new SyntheticModule(['default'], function () { this.setExport('default', code); },
          { context: context, identifier: key });
      } else if (/\.json$/.test(path) || (attributes && attributes.type === 'json')) {
        var value = global.JSON.parse(code);
        module = new SyntheticModule(['default'], function () { this.setExport('default', value); },
          { context: context, identifier: path });
      } else {
        module = new SourceTextModule(code, {
          context: context,
          identifier: path,
          importModuleDynamically: importForCurrentCase,
          initializeImportMeta: function (meta) { meta.url = 'file:///' + path; }
        });
      }
      map[key] = module;
      return module;
    }
    function linker(specifier, referencing, extra) {
      return load(resolve(specifier), extra && extra.attributes);
    }
    var evaluations = Object.create(null);  // by path: the promise of its link and evaluation
    function evaluated(module) {
      var path = module.identifier;
      if (!evaluations[path]) {
        evaluations[path] = Promise.resolve(module.status === 'unlinked' ? module.link(linker) : null)
          .then(function () { return module.status === 'linked' ? module.evaluate() : null; });
      }
      return evaluations[path];
    }
    function dynamicImport(specifier, referrer, attributes) {
      return new Promise(function (settle) { settle(load(resolve(specifier), attributes)); })
        .then(function (module) {
          return evaluated(module).then(function () { return module; });
        });
    }
    return {
      dynamicImport: dynamicImport,
      // The entry module, evaluated: done(phase, error) once it has settled.
      run: function (entry, done) {
        var module;
        try {
          entryCode = entry.code;
          module = load(entry.path, null);
        } catch (error) {
          return done('parse', error);
        }
        module.link(linker).then(function () {
          var evaluation;
          try {
            evaluation = module.evaluate();
          } catch (error) {
            return done('runtime', error);
          }
          evaluations[entry.path] = evaluation;
          evaluation.then(function () { done(null); }, function (error) { done('runtime', error); });
        }, function (error) { done('resolution', error); });
      }
    };
  }

  function version() {
    if (typeof Deno === 'object' && Deno && Deno.version) return 'deno ' + Deno.version.deno;
    if (typeof Bun === 'object' && Bun && Bun.version) return 'bun ' + Bun.version;
    return process.version;
  }

  var core = settleDriver.create({
    write: function (line) { process.stdout.write(line + '\n'); },
    version: version,
    // The parts of test262's $262 node gives (gc needs --expose-gc); agent is not among them.
    host262: ['global', 'evalScript', 'createRealm', 'detachArrayBuffer'].concat(driverGc ? ['gc'] : []),
    gc: function () { driverGc(); },
    detachArrayBuffer: function (buffer) { structuredClone(buffer, { transfer: [buffer] }); },
    compile: compile,
    modules: runsModules,
    runModule: function (realm, entry, done) { realm.modules.run(entry, done); },
    newRealm: function (env, request) {
      // The contextified object must not come from this realm: the context's global falls back to
      // it for the names it lacks, so `this.constructor`, `this.toString` or `this.__proto__`
      // would hand case code this realm's Object and Function, and through them `process`. A
      // null-prototype object has no such names.
      var context = vm.createContext(Object.create(null));
      // displayErrors false: Deno's vm otherwise writes a `stack` onto whatever the script throws,
      // even an object that is not an error, and reads a thrown proxy through its traps.
      var run = function (script) { return script.runInContext(context, kRunOptions); };
      var global = vm.runInContext('this', context);
      kContextExtras.forEach(function (name) { delete global[name]; });
      if (typeof global.gc === 'function') global.gc = undefined;
      // Bun's call sites give the function of every frame, strict or not, so a stack trace would
      // hand case code the driver's functions: its Error.prepareStackTrace stays unset.
      if (typeof Bun === 'object' && Bun) {
        Object.defineProperty(global.Error, 'prepareStackTrace', { value: undefined, writable: false, configurable: false });
      }
      env.aliases.forEach(function (alias) {
        Object.defineProperty(global, alias, { value: global, writable: true, configurable: true });
      });
      var api = run(env.host)(global, hooks);
      env.preludes.forEach(run);
      var test262 = request && request.test262;
      var modules = runsModules && test262 && test262.folder ? moduleLoader(context, global, test262) : null;
      if (request) current = { global: global, modules: modules, api: api };
      return {
        api: api,
        modules: modules,
        compile: compile,
        run: run
      };
    },
    // V8 ends the process on an exhausted heap; Bun (JavaScriptCore) throws this.
    fault: function (error) {
      var bun = typeof Bun === 'object' && Bun;
      return bun && isNativeError(error) && settleDriver.hasOwnMessage(error, 'Out of memory') ? 'the case ran out of memory' : null;
    },
    // Resolves once the job (microtask) queue is empty.
    drain: function (realm, done) {
      setImmediateOfHost(done);
      return false;
    }
  });

  readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
    .on('line', core.receive)
    .on('close', function () { core.whenIdle(function () { process.exit(0); }); });
})();
