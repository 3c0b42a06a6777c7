// settle's SpiderMonkey adapter (after driver_core.js), for the js102 shell: many cases in one
// process, each in a fresh global of its own compartment (newGlobal).
(function () {
  'use strict';

  // The names a case's global keeps: the language's built-ins. Every shell function that newGlobal
  // adds (os, read, snarf, redirect, system, evaluate, print, ...) is deleted.
  var kStandardGlobals = [
    'globalThis', 'Infinity', 'NaN', 'undefined', 'eval', 'isFinite', 'isNaN', 'parseFloat',
    'parseInt', 'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape',
    'unescape', 'AggregateError', 'Array', 'ArrayBuffer', 'BigInt', 'BigInt64Array',
    'BigUint64Array', 'Boolean', 'DataView', 'Date', 'Error', 'EvalError', 'FinalizationRegistry',
    'Float32Array', 'Float64Array', 'Function', 'Int8Array', 'Int16Array', 'Int32Array', 'Map',
    'Number', 'Object', 'Promise', 'Proxy', 'RangeError', 'ReferenceError', 'RegExp', 'Set',
    'SharedArrayBuffer', 'String', 'Symbol', 'SyntaxError', 'TypeError', 'Uint8Array',
    'Uint8ClampedArray', 'Uint16Array', 'Uint32Array', 'URIError', 'WeakMap', 'WeakRef', 'WeakSet',
    'Atomics', 'JSON', 'Math', 'Reflect', 'Intl', 'InternalError', 'WebAssembly'
  ];
  var keep = {};
  kStandardGlobals.forEach(function (name) { keep[name] = true; });
  var shellGc = gc;
  var shellDetach = detachArrayBuffer;
  var shellParse = parse;
  var shellEnqueueJob = enqueueJob;
  var shellDrainJobQueue = drainJobQueue;
  var shellPrint = print;

  if (typeof ignoreUnhandledRejections === 'function') ignoreUnhandledRejections();

  // The shell's module loader reads whatever file import() names, and the shell has no switch to
  // turn it off; the loader runs in a job, after import() has returned. So every script compiled
  // in the case's realm (the case, its eval and Function code, harness files) is looked at before
  // it runs: a script that calls import() throws as soon as any of its code is entered, before the
  // call can queue the load.
  var reflectParse = Reflect.parse;
  function callsImport(text) {
    if (!/\bimport\b/.test(text)) return false;
    var ast;
    try {
      ast = reflectParse(text);
    } catch (error) {
      return true;  // too deep to parse here, say: take it as calling import()
    }
    var pending = [ast];
    while (pending.length > 0) {
      var node = pending.pop();
      if (node.type === 'CallImport') return true;
      for (var key in node) {
        var value = node[key];
        if (value !== null && typeof value === 'object') pending.push(value);
      }
    }
    return false;
  }

  function guardDynamicImport(debugger_) {
    var forbidden = [];
    debugger_.onNewScript = function (script) {
      var source = script.source;
      var calls = true;
      try {
        calls = callsImport(source.text);
      } catch (error) {
        calls = true;
      }
      if (!calls || forbidden.indexOf(source) >= 0) return;
      forbidden.push(source);
      debugger_.onEnterFrame = function (frame) {
        if (frame.script && forbidden.indexOf(frame.script.source) >= 0) {
          return { throw: 'import() is not available on SpiderMonkey under settle: the shell\'s module loader reads files' };
        }
        return undefined;
      };
    };
    // A hook that throws must not let the script run unchecked.
    debugger_.uncaughtExceptionHook = function () {
      return { throw: 'settle could not check this code for import()' };
    };
  }

  function newRealm(env) {
    var global = newGlobal({ newCompartment: true });
    var evaluateIn = global.evaluate;
    var parseIn = global.parse;
    Object.getOwnPropertyNames(global).forEach(function (name) {
      if (!keep[name]) delete global[name];
    });
    env.aliases.forEach(function (alias) {
      Object.defineProperty(global, alias, { value: global, writable: true, configurable: true });
    });
    var debugger_ = new Debugger();
    var debuggee = debugger_.addDebuggee(global);
    function unwrap(value) {
      return value instanceof Debugger.Object ? value.unsafeDereference() : value;
    }
    var hooks = {
      // The shell's enqueueJob takes only functions of this compartment: wrap the job in one.
      enqueueJob: function (job) { shellEnqueueJob(function () { job(); }); },
      promise: {
        isPromise: function (value) {
          var wrapped = debuggee.makeDebuggeeValue(value);
          return wrapped instanceof Debugger.Object && wrapped.isPromise === true;
        },
        state: function (promise) { return debuggee.makeDebuggeeValue(promise).promiseState; },
        result: function (promise) {
          var wrapped = debuggee.makeDebuggeeValue(promise);
          if (wrapped.promiseState === 'fulfilled') return unwrap(wrapped.promiseValue);
          if (wrapped.promiseState === 'rejected') return unwrap(wrapped.promiseReason);
          return undefined;
        }
      }
    };
    function run(script) {
      return evaluateIn(script.code, { fileName: script.name });
    }
    var api = run(env.host)(global, hooks);
    env.preludes.forEach(run);
    guardDynamicImport(debugger_);
    return {
      api: api,
      // The realm's own parse: its SyntaxError is the realm's.
      compile: function (code, name) {
        parseIn(code);
        return { code: code, name: name };
      },
      run: run
    };
  }

  var core = settleDriver.create({
    write: function (line) { shellPrint(line); },
    version: function () { return 'SpiderMonkey ' + String(typeof version === 'function' ? version() : ''); },
    // The parts of test262's $262 this shell gives; agent is not among them.
    host262: ['global', 'evalScript', 'createRealm', 'gc', 'detachArrayBuffer'],
    gc: function () { shellGc(); },
    detachArrayBuffer: function (buffer) { shellDetach(buffer); },
    compile: function (code, name) {
      shellParse(code);
      return { code: code, name: name };
    },
    newRealm: newRealm,
    drain: function () {
      shellDrainJobQueue();
      return true;
    },
    // SpiderMonkey reports an exhausted heap as the uncatchable string "out of memory".
    fault: function (error) {
      return error === 'out of memory' ? 'the case ran out of memory' : null;
    }
  });

  for (var line = readline(); line !== null; line = readline()) core.receive(line);
})();
