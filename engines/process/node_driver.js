// settle's driver for node: runs many cases in one process, each in a fresh vm context, and speaks
// settle's line protocol (engines/process/protocol.h) on stdin and stdout. Strict mode throughout,
// so that no stack-trace API can hand case code a function of this realm.
'use strict';
const vm = require('vm');
const readline = require('readline');
const { isPromise } = require('util').types;

// Reading a native promise's state without calling `then` needs node's internal binding; without
// it (a node that refuses --expose-internals) promises are observed through `then` like thenables.
let promiseDetails = null;
try {
  promiseDetails = require('internal/test/binding').internalBinding('util').getPromiseDetails;
} catch (error) {
  promiseDetails = null;
}
const kStates = ['pending', 'fulfilled', 'rejected'];

// A case's unhandled rejection or stray exception must not end the process.
process.on('unhandledRejection', () => {});
process.on('uncaughtException', () => {});

let nonce = '';
let hostScript = null;
let preludeScripts = [];
let aliases = [];
// test262 harness files by name, compiled once per process: {script} or {error} when it does not
// compile on this engine.
const harnessScripts = new Map();

function reply(message) {
  process.stdout.write(nonce + ' ' + JSON.stringify(message) + '\n');
}

function replyRaw(prefix, reportText) {
  process.stdout.write(nonce + ' ' + prefix + reportText + '}\n');
}

const hooks = {
  enqueueJob: (job) => queueMicrotask(job),
  promise: promiseDetails && {
    isPromise: (value) => isPromise(value),
    state: (promise) => kStates[promiseDetails(promise)[0]],
    result: (promise) => promiseDetails(promise)[1],
  },
};

function newRealm() {
  // The contextified object must not come from this realm: the context's global falls back to it
  // for the names it lacks, so `this.constructor`, `this.toString` or `this.__proto__` would hand
  // case code this realm's Object and Function, and through them `process`. A null-prototype
  // object has no such names.
  const context = vm.createContext(Object.create(null));
  const global = vm.runInContext('this', context);
  delete global.console;  // V8 gives every context one; the host API has none
  for (const alias of aliases) {
    Object.defineProperty(global, alias, { value: global, writable: true, configurable: true });
  }
  const api = hostScript.runInContext(context)(global, hooks);
  for (const prelude of preludeScripts) prelude.runInContext(context);
  return { context, global, api };
}

// The parts of test262's $262 that node gives (gc needs --expose-gc); agent is not among them.
const kHost262 = ['global', 'evalScript', 'createRealm', 'detachArrayBuffer'].concat(
  typeof gc === 'function' ? ['gc'] : []);

function install262(realm) {
  return realm.api.install262({
    evalScript(code) {
      let script;
      try {
        script = new vm.Script(String(code));
      } catch (error) {
        throw new realm.global.SyntaxError(error.message);  // the realm's own SyntaxError
      }
      return script.runInContext(realm.context);
    },
    createRealm() {
      return install262(newRealm());
    },
    gc: typeof gc === 'function' ? () => gc() : undefined,
    detachArrayBuffer(buffer) {
      structuredClone(buffer, { transfer: [buffer] });
      return null;
    },
  });
}

// Loads a test262 test's harness files into the realm; the first failure's description, or ''.
function loadHarness(realm, names) {
  for (const name of names) {
    const harness = harnessScripts.get(name);
    if (!harness) return name + ': settle did not send this harness file';
    if (harness.error) return name + ': ' + harness.error;
    try {
      harness.script.runInContext(realm.context);
    } catch (error) {
      return name + ' threw ' + describe(error);
    }
  }
  return '';
}

function compileHarness(request) {
  try {
    harnessScripts.set(request.name, { script: new vm.Script(request.code, { filename: request.name }) });
  } catch (error) {
    harnessScripts.set(request.name, { error: describe(error) });
  }
}

// Resolves once the job (microtask) queue is empty.
function jobsDrained() {
  return new Promise((resolve) => setImmediate(resolve));
}

async function runCase(request) {
  let realm;
  try {
    realm = newRealm();
  } catch (error) {
    reply({ type: 'fault', message: 'the realm could not be built: ' + String(error && error.stack || error) });
    return;
  }
  const test262 = request.test262;
  let harnessError = '';
  if (test262) {
    install262(realm);
    harnessError = loadHarness(realm, test262.harness || []);
    if (harnessError) {
      realm.api.observeCompleted();
      replyRaw('{"type":"result","parse_error":false,"harness_error":' + JSON.stringify(harnessError) + ',"report":',
        realm.api.finish([]));
      return;
    }
  }
  const code = request.strict ? "'use strict'; " + request.code : request.code;
  let script = null;
  let parseError = false;
  try {
    script = new vm.Script(code, { filename: request.id });
  } catch (error) {
    parseError = true;
    realm.api.observeThrow(error);
  }
  if (script) {
    let completion;
    let threw = false;
    try {
      completion = script.runInContext(realm.context);
    } catch (error) {
      threw = true;
      completion = error;
    }
    if (threw) realm.api.observeThrow(completion);
    else if (test262) realm.api.observeCompleted();
    else realm.api.observe(completion);
  }
  do {
    await jobsDrained();
  } while (realm.api.runNextTimer());
  let report;
  try {
    report = realm.api.finish(request.watch || []);
  } catch (error) {
    reply({ type: 'fault', message: 'the observed values could not be serialised: ' + describe(error) });
    return;
  }
  replyRaw('{"type":"result","parse_error":' + parseError + ',"report":', report);
}

function describe(error) {
  try {
    return error && error.name !== undefined ? String(error.name) + ': ' + String(error.message) : String(error);
  } catch (e) {
    return 'an exception that cannot be described';
  }
}

function setup(request) {
  nonce = request.nonce;
  aliases = request.aliases || [];
  let features = {};
  try {
    hostScript = new vm.Script(request.host, { filename: 'engines/host/host.js' });
  } catch (error) {
    reply({ type: 'error', message: 'the host prelude does not compile: ' + describe(error) });
    return;
  }
  preludeScripts = [];
  for (const prelude of request.preludes || []) {
    try {
      preludeScripts.push(new vm.Script(prelude.code, { filename: prelude.file }));
    } catch (error) {
      reply({ type: 'error', prelude: prelude.file, message: describe(error) });
      return;
    }
  }
  try {
    const realm = newRealm();
    features = JSON.parse(vm.runInContext(request.probes, realm.context));
  } catch (error) {
    reply({ type: 'error', message: 'setup failed: ' + describe(error) });
    return;
  }
  reply({ type: 'ready', version: process.version, features, host262: kHost262 });
}

const pending = [];
let busy = false;
async function pump() {
  if (busy) return;
  busy = true;
  while (pending.length > 0) {
    const request = JSON.parse(pending.shift());
    if (request.type === 'setup') setup(request);
    else if (request.type === 'harness') compileHarness(request);
    else if (request.type === 'case') await runCase(request);
  }
  busy = false;
}

readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
  .on('line', (line) => {
    pending.push(line);
    pump();
  })
  .on('close', () => {
    const waitForLast = () => (busy || pending.length ? setImmediate(waitForLast) : process.exit(0));
    waitForLast();
  });
