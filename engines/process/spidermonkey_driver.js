// settle's driver for the SpiderMonkey shell (js102): runs many cases in one process, each in a
// fresh global of its own compartment (newGlobal), and speaks settle's line protocol
// (engines/process/protocol.h) on stdin and stdout.
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

var nonce = '';
var hostSource = '';
var preludes = [];
var aliases = [];
// test262 harness files by name, as sent once per process.
var harnessFiles = {};
// The parts of test262's $262 this shell gives; agent is not among them.
var kHost262 = ['global', 'evalScript', 'createRealm', 'gc', 'detachArrayBuffer'];
var shellGc = gc;
var shellDetach = detachArrayBuffer;

if (typeof ignoreUnhandledRejections === 'function') ignoreUnhandledRejections();

function reply(message) {
  print(nonce + ' ' + JSON.stringify(message));
}

function describe(error) {
  try {
    return error && error.name !== undefined ? String(error.name) + ': ' + String(error.message) : String(error);
  } catch (e) {
    return 'an exception that cannot be described';
  }
}

// A fresh realm with only the language's built-ins, the host prelude and the user's preludes.
function newRealm() {
  var global = newGlobal({ newCompartment: true });
  var evaluateIn = global.evaluate;
  var parseIn = global.parse;
  Object.getOwnPropertyNames(global).forEach(function (name) {
    if (!keep[name]) delete global[name];
  });
  aliases.forEach(function (alias) {
    Object.defineProperty(global, alias, { value: global, writable: true, configurable: true });
  });
  var debugger_ = new Debugger();
  var debuggee = debugger_.addDebuggee(global);
  function unwrap(value) {
    return value instanceof Debugger.Object ? value.unsafeDereference() : value;
  }
  var hooks = {
    // The shell's enqueueJob takes only functions of this compartment: wrap the job in one.
    enqueueJob: function (job) { enqueueJob(function () { job(); }); },
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
  var api = evaluateIn(hostSource, { fileName: 'engines/host/host.js' })(global, hooks);
  preludes.forEach(function (prelude) {
    evaluateIn(prelude.code, { fileName: prelude.file });
  });
  guardDynamicImport(debugger_);
  return { global: global, evaluate: evaluateIn, parse: parseIn, api: api };
}

// The shell's module loader reads whatever file import() names, and the shell has no switch to
// turn it off; the loader runs in a job, after import() has returned. So every script compiled
// in the case's realm (the case, its eval and Function code, harness files) is looked at before
// it runs: a script that calls import() throws as soon as any of its code is entered, before the
// call can queue the load.
var shellParse = Reflect.parse;
function callsImport(text) {
  if (!/\bimport\b/.test(text)) return false;
  var ast;
  try {
    ast = shellParse(text);
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

function install262(realm) {
  return realm.api.install262({
    evalScript: function (code) { return realm.evaluate(String(code)); },
    createRealm: function () { return install262(newRealm()); },
    gc: function () { shellGc(); },
    detachArrayBuffer: function (buffer) { shellDetach(buffer); return null; }
  });
}

// Loads a test262 test's harness files into the realm; the first failure's description, or ''.
function loadHarness(realm, names) {
  for (var i = 0; i < names.length; i++) {
    var code = harnessFiles[names[i]];
    if (code === undefined) return names[i] + ': settle did not send this harness file';
    try {
      realm.evaluate(code, { fileName: names[i] });
    } catch (error) {
      return names[i] + ' threw ' + describe(error);
    }
  }
  return '';
}

function runCase(request) {
  var realm;
  try {
    realm = newRealm();
  } catch (error) {
    reply({ type: 'fault', message: 'the realm could not be built: ' + describe(error) });
    return;
  }
  var test262 = request.test262;
  if (test262) {
    install262(realm);
    var harnessError = loadHarness(realm, test262.harness || []);
    if (harnessError) {
      realm.api.observeCompleted();
      print(nonce + ' {"type":"result","parse_error":false,"harness_error":' + JSON.stringify(harnessError) +
        ',"report":' + realm.api.finish([]) + '}');
      return;
    }
  }
  var code = request.strict ? "'use strict'; " + request.code : request.code;
  var parseError = false;
  var completion;
  var threw = false;
  try {
    completion = realm.evaluate(code, { fileName: request.id });
  } catch (error) {
    threw = true;
    completion = error;
    try {
      realm.parse(code);  // a SyntaxError here too: the code never ran
    } catch (syntax) {
      parseError = true;
    }
  }
  // SpiderMonkey reports an exhausted heap as the uncatchable string "out of memory".
  if (threw && completion === 'out of memory') {
    reply({ type: 'fault', message: 'the case ran out of memory' });
    return;
  }
  if (threw) realm.api.observeThrow(completion);
  else if (test262) realm.api.observeCompleted();
  else realm.api.observe(completion);
  do {
    drainJobQueue();
  } while (realm.api.runNextTimer());
  var report;
  try {
    report = realm.api.finish(request.watch || []);
  } catch (error) {
    reply({ type: 'fault', message: 'the observed values could not be serialised: ' + describe(error) });
    return;
  }
  print(nonce + ' {"type":"result","parse_error":' + parseError + ',"report":' + report + '}');
}

function setup(request) {
  nonce = request.nonce;
  hostSource = request.host;
  preludes = request.preludes || [];
  aliases = request.aliases || [];
  try {
    var realm = newRealm();
    var features = JSON.parse(realm.evaluate(request.probes));
    reply({ type: 'ready', version: 'SpiderMonkey ' + String(typeof version === 'function' ? version() : ''), features: features, host262: kHost262 });
  } catch (error) {
    reply({ type: 'error', message: 'setup failed: ' + describe(error) });
  }
}

for (var line = readline(); line !== null; line = readline()) {
  var request = JSON.parse(line);
  try {
    if (request.type === 'setup') setup(request);
    else if (request.type === 'harness') harnessFiles[request.name] = request.code;
    else if (request.type === 'case') runCase(request);
  } catch (error) {
    reply({ type: 'fault', message: 'the driver failed: ' + describe(error) });
  }
}
