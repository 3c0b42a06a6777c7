// settle's JavaScriptCore adapter (after driver_core.js), for Debian's `jsc` shell
// (libjavascriptcoregtk-4.0-bin): many cases in one process, each in a fresh realm that the
// shell's $262.createRealm() makes. jsc cannot read /dev/stdin, so requests come through its
// readline().
(function () {
  'use strict';
  var shell262 = $262;
  var shellPrint = print;
  var shellReadline = readline;
  var shellDrain = drainMicrotasks;
  var shellGc = gc;
  var shellArguments = globalThis.arguments || [];

  // The shell's own functions, which every realm it makes has (they are not listed by
  // Object.getOwnPropertyNames, so they are named here): each is deleted from a case's global.
  // readFile, load, run, writeFile, openFile, read... reach files; quit, sleepSeconds and the rest
  // reach the process.
  var kShellNames = [
    '$', '$262', '$agent', '$vm', 'MemoryFootprint', 'WebAssemblyMemoryMode', 'Worker', 'addressOf',
    'arguments', 'asDoubleNumber', 'asyncTestPassed', 'asyncTestStart', 'atob', 'btoa',
    'callerIsBBQOrOMGCompiled', 'callerSourceOrigin', 'checkModuleSyntax', 'checkScriptSyntax',
    'checkSyntax', 'console', 'createGlobalObject', 'createHeapBigInt', 'createNonRopeNonAtomString',
    'createWebAssemblyMemoryWithMode', 'debug', 'describe', 'describeArray', 'disableRichSourceInfo',
    'disassembleBase64', 'drainMicrotasks', 'dropAllLocks', 'dumpTypesForAllVariables', 'edenGC',
    'effectful42', 'ensureArrayStorage', 'failNextNewCodeBlock', 'fiatInt52',
    'finalizationRegistryDeadCount', 'finalizationRegistryLiveCount', 'flashHeapAccess', 'fullGC',
    'gc', 'gcHeapSize', 'generateHeapSnapshot', 'generateHeapSnapshotForGCDebugging',
    'getRandomSeed', 'hasCustomProperties', 'heapCapacity', 'is32BitPlatform', 'isBigInt32',
    'isFinalTier', 'isHeapBigInt', 'isInt32', 'isPureNaN', 'isRope', 'jscOptions', 'jscStack',
    'load', 'loadString', 'makeMasquerader', 'mallocInALoop', 'maxArguments',
    'memoryUsageStatistics', 'neverInlineFunction', 'noDFG', 'noFTL', 'noInline',
    'noOSRExitFuzzing', 'numberOfDFGCompiles', 'openFile', 'optimizeNextInvocation', 'performance',
    'platformSupportsSamplingProfiler', 'preciseTime', 'predictInt32', 'prettyPrint', 'print',
    'printErr', 'quit', 'read', 'readFile', 'readline', 'releaseWeakRefs',
    'reoptimizationRetryCount', 'resetMemoryPeak', 'resetSuperSamplerState', 'run', 'runString',
    'samplingProfilerStackTraces', 'scriptArgs', 'setRandomSeed', 'setTimeout',
    'setUnhandledRejectionCallback', 'sleepSeconds', 'startSamplingProfiler', 'testLoopCount',
    'totalCompileTime', 'transferArrayBuffer', 'useBigInt32', 'version', 'waitForReport',
    'waiterListSize', 'wasmTestLoopCount', 'write', 'writeFile'
  ];
  // The names a case's global keeps, of those Object.getOwnPropertyNames lists.
  var kStandard = {};
  Object.getOwnPropertyNames(createGlobalObject()).forEach(function (name) { kStandard[name] = true; });

  // An unhandled rejection must not end the process or print.
  if (typeof setUnhandledRejectionCallback === 'function') setUnhandledRejectionCallback(function () {});

  // jsc gives no way to read a promise's state without `then` that case code could not use too
  // (--exposePrivateIdentifiers would hand it every @ intrinsic), so host.js observes the subject
  // through `then`: a case that counts a subclass's constructions sees one more.
  var hooks = {
    enqueueJob: null,  // per realm: a reaction to a promise of that realm
    promise: null
  };

  // The shell's module loader fetches a module by reading the file its key names, and parses only
  // what that fetch gives (Loader.parseModule given text crashes the shell). With
  // --exposeInternalModuleLoader (the profile gives it) every realm has its loader as `Loader`,
  // whose steps the loader's own code looks up on it: each realm's resolve step is replaced by one
  // that resolves a specifier as settleDriver.moduleFolder says (./name in the test's folder) and
  // writes that file's text into the scratch folder settle gives this process (the argument after
  // the driver; settle empties it after each case), under a key of its own; its fetch step reads
  // only such keys. A specifier that leaves the folder is a resolution error before any read.
  // `Loader` is then deleted from the realm's global. Static imports and import() (in scripts,
  // eval and Function code alike) go through these steps.
  var shellWriteFile = writeFile;
  var shellCheckModuleSyntax = checkModuleSyntax;
  var scratch = typeof shellArguments[0] === 'string' && shellArguments[0].charAt(0) === '/' ? shellArguments[0] : '';
  var written = 0;  // files this process has written to the scratch folder
  var reflectApply = Reflect.apply;

  // The module map of one realm: test262 is the case's, or null (no module loads).
  function moduleLoader(global, loader, test262) {
    var source = test262 && test262.folder && scratch ? test262 : null;
    var folder = source ? settleDriver.moduleFolder(source) : null;
    var entryCode = null;
    var keys = {};  // file path -> key
    var fetchable = {};  // key -> true
    var fetch = loader.fetch;
    function keyOf(path) {
      if (!Object.prototype.hasOwnProperty.call(keys, path)) {
        var extension = /\.[A-Za-z0-9]+$/.exec(path);
        var file = scratch + '/' + (written++) + (extension ? extension[0] : '.js');
        shellWriteFile(file, path === source.path && entryCode !== null ? entryCode : folder.code(path));
        keys[path] = 'file://' + file;
        fetchable[keys[path]] = true;
      }
      return keys[path];
    }
    // Whatever fails here reaches case code as an error of its realm, never of the driver's.
    function resolve(specifier) {
      var message = 'settle loads modules only for a test262 test, from its folder';
      if (folder) {
        try {
          return keyOf(folder.resolve(specifier));
        } catch (problem) {
          message = typeof problem === 'string' ? problem : 'settle could not load the module';
        }
      }
      throw new global.Error(message);
    }
    Object.defineProperty(loader, 'resolve', { value: resolve, writable: false, configurable: false });
    Object.defineProperty(loader, 'fetch', {
      // Through this realm's Reflect.apply: fetch.apply is the case's to replace.
      value: function (key, parameters, fetcher) {
        if (fetchable[key] !== true) throw new global.Error('settle fetches only the modules it resolved');
        return reflectApply(fetch, loader, [key, parameters, fetcher]);
      },
      writable: false,
      configurable: false
    });
    return {
      // The entry module, loaded, linked and evaluated: done(phase, error) once it has settled.
      run: function (entry, done) {
        var parses = true;
        try {
          shellCheckModuleSyntax(entry.code);
        } catch (problem) {
          parses = false;
        }
        var key;
        try {
          entryCode = entry.code;
          key = keyOf(entry.path);
        } catch (problem) {
          return done('resolution', new global.Error('settle could not write the module to its scratch folder'));
        }
        // The loader's promises are InternalPromises, whose then no case code can reach.
        loader.loadModule(key, undefined, undefined).then(function () {
          try {
            loader.link(loader.ensureRegistered(key), undefined);
          } catch (error) {
            return done('resolution', error);
          }
          var evaluation;
          try {
            evaluation = loader.linkAndEvaluateModule(key, undefined);
          } catch (error) {
            return done('runtime', error);
          }
          if (!evaluation) return done(null);
          evaluation.then(function () { done(null); }, function (error) { done('runtime', error); });
        }, function (error) {
          done(parses ? 'resolution' : 'parse', error);
        });
      }
    };
  }

  function newRealm(env, request) {
    var made = shell262.createRealm();
    var global = made.global;
    var evalScript = made.evalScript;
    var checkSyntax = global.checkScriptSyntax;
    var loader = global.Loader;
    if (typeof loader !== 'object' || loader === null) throw new Error('jsc needs --exposeInternalModuleLoader=1: settle checks what its module loader reads');
    var modules = moduleLoader(global, loader, request && request.test262);
    // The realm's own rejection hook (the shell's setUnhandledRejectionCallback sets it on the global
    // object it belongs to), taken before the shell's names are deleted.
    var onUnhandledRejection = global.setUnhandledRejectionCallback;
    delete global.Loader;
    kShellNames.forEach(function (name) { delete global[name]; });
    Object.getOwnPropertyNames(global).forEach(function (name) {
      if (!kStandard[name]) delete global[name];
    });
    env.aliases.forEach(function (alias) {
      Object.defineProperty(global, alias, { value: global, writable: true, configurable: true });
    });
    // HostEnqueuePromiseJob through the realm's own promise: `then` on a fulfilled promise queues a
    // PromiseReactionJob at once. Its constructor is undefined, so no property case code could
    // replace is read.
    var resolved = global.Promise.resolve();
    Object.defineProperty(resolved, 'constructor', { value: undefined });
    var then = global.Promise.prototype.then;
    var tracks = typeof onUnhandledRejection === 'function';
    var realmHooks = {
      enqueueJob: function (job) { then.call(resolved, function () { job(); }); },
      promise: hooks.promise,
      tracksRejections: tracks
    };
    function run(script) {
      return evalScript(script.code);
    }
    var api = run(env.host)(global, realmHooks);
    // jsc's batched event, for host.js's rule (docs/design.md, "Unhandled rejections"): the VM calls
    // it with (promise, reason) when its microtask queue is exhausted, for each promise rejected
    // since then and still unhandled. jsc has no event for a promise handled later (rejectionhandled).
    if (tracks) onUnhandledRejection(function (promise, reason) { api.rejectionEvent('unhandled', promise, reason); });
    env.preludes.forEach(run);
    return {
      api: api,
      modules: modules,
      // checkScriptSyntax throws a string; evaluating code that does not parse runs none of it
      // and throws the realm's own SyntaxError.
      compile: function (code, name) {
        try {
          checkSyntax(code);
        } catch (problem) {
          evalScript(code);
          throw problem;
        }
        return { code: code, name: name };
      },
      run: run
    };
  }

  var core = settleDriver.create({
    write: function (line) { shellPrint(line); },
    version: function () { return 'JavaScriptCore'; },
    host262: ['global', 'evalScript', 'createRealm', 'gc', 'detachArrayBuffer'],
    gc: function () { shellGc(); },
    detachArrayBuffer: function (buffer) { shell262.detachArrayBuffer(buffer); },
    compile: function (code, name) {
      checkScriptSyntax(code);
      return { code: code, name: name };
    },
    newRealm: newRealm,
    modules: scratch !== '',
    runModule: function (realm, entry, done) { realm.modules.run(entry, done); },
    drain: function () {
      shellDrain();
      return true;
    },
    // With --gcMaxHeapSize, an exhausted heap throws this.
    fault: function (error) {
      return settleDriver.hasOwnMessage(error, 'Out of memory') ? 'the case ran out of memory' : null;
    }
  });

  // readline() answers "" at the end of input; settle sends no empty line.
  for (var line = shellReadline(); line; line = shellReadline()) core.receive(line);
})();
