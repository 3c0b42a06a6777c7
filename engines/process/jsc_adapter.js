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

  // import() makes the shell's module loader read whatever file it names. With
  // --exposeInternalModuleLoader (the profile gives it) every realm has its loader as `Loader`:
  // its steps are replaced by ones that refuse, before the name is deleted with the others.
  var kLoaderSteps = ['fetch', 'resolve', 'requestFetch', 'provideFetch', 'requestImportModule',
    'loadModule', 'loadAndEvaluateModule', 'linkAndEvaluateModule', 'requestInstantiate',
    'requestSatisfy', 'parseModule'];
  function closeModuleLoader(global) {
    var loader = global.Loader;
    if (typeof loader !== 'object' || loader === null) return false;
    var TypeError_ = global.TypeError;
    function refuse() {
      throw new TypeError_('import() is not available on jsc under settle: the shell\'s module loader reads files');
    }
    kLoaderSteps.forEach(function (name) {
      Object.defineProperty(loader, name, { value: refuse, writable: false, configurable: false });
    });
    return true;
  }

  function newRealm(env) {
    var made = shell262.createRealm();
    var global = made.global;
    var evalScript = made.evalScript;
    var checkSyntax = global.checkScriptSyntax;
    if (!closeModuleLoader(global)) throw new Error('jsc needs --exposeInternalModuleLoader=1: without it import() reads files');
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
    var realmHooks = {
      enqueueJob: function (job) { then.call(resolved, function () { job(); }); },
      promise: hooks.promise
    };
    function run(script) {
      return evalScript(script.code);
    }
    var api = run(env.host)(global, realmHooks);
    env.preludes.forEach(run);
    return {
      api: api,
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
