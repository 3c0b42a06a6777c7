// settle's driver for QuickJS, through npm quickjs-emscripten (QuickJS compiled to WebAssembly):
// runs many cases in one node process, each in a fresh QuickJS runtime and context, and speaks
// settle's line protocol (engines/process/protocol.h) on stdin and stdout.
// Run as `node quickjs_driver.js NPM_DIR`, NPM_DIR holding quickjs-emscripten (`make engines`).
// Case code runs inside QuickJS only: it sees the context's built-ins and host.js's functions, never
// a function of node.
'use strict';
const path = require('path');
const readline = require('readline');

const npmDir = process.argv[2] || '';
const kPackage = 'quickjs-emscripten';
const kMemoryLimit = 512 << 20;  // bytes a case's runtime may allocate
const kMaxStackSize = 512 << 10;  // bytes of C stack a case may use (QuickJS throws past it)
// How long a case may run inside QuickJS before it is interrupted. settle's own deadline comes
// first (it ends the process and reports a timeout), so this only stops a runaway case that
// nothing else stops; a request's timeout_ms, where settle sends one, sets it.
const kDefaultDeadlineMs = 60000;
const kDeadlineGraceMs = 500;

let quickjs = null;
let packageVersion = '';
let loadError = null;
try {
  quickjs = require(path.join(npmDir, kPackage));
  packageVersion = require(path.join(npmDir, kPackage, 'package.json')).version;
} catch (error) {
  loadError = error;
}

let nonce = '';
let ready = false;  // set up without error: cases can run
let wasm = null;  // the QuickJS WebAssembly module; made anew after a fault that may have broken it
let hostSource = '';
let preludes = [];
let aliases = [];

function reply(message) {
  process.stdout.write(nonce + ' ' + JSON.stringify(message) + '\n');
}

function describe(error) {
  try {
    return error && error.name !== undefined ? String(error.name) + ': ' + String(error.message) : String(error);
  } catch (e) {
    return 'an exception that cannot be described';
  }
}

// An exception thrown inside QuickJS, brought out as a host exception with its description.
class ThrowInContext extends Error {
  constructor(description) {
    super(description);
    this.description = description;
  }
}

// Builds the hooks object inside the context from intrinsics captured before any other code runs.
// QuickJS has no host API to queue a job, so enqueueJob reacts to a promise fulfilled now: `then` on
// a settled promise queues a PromiseReactionJob at once, which is HostEnqueuePromiseJob. The promise's
// own `constructor` is undefined, so `then`'s SpeciesConstructor takes %Promise% without reading any
// property that case code could have replaced.
const kBootstrap = `(function (global, aliases, isPromise, state, result) {
  'use strict';
  var defineProperty = global.Object.defineProperty;
  var resolved = global.Promise.resolve();
  defineProperty(resolved, 'constructor', { value: undefined });
  var then = global.Function.prototype.call.bind(global.Promise.prototype.then);
  for (var i = 0; i < aliases.length; i++) {
    defineProperty(global, aliases[i], { value: global, writable: true, configurable: true });
  }
  return {
    enqueueJob: function (job) { then(resolved, function () { job(); }); },
    promise: { isPromise: isPromise, state: state, result: result }
  };
})`;

// A handle's value as a JSON-able description (for messages); the handle is left alone.
function dumpError(context, handle) {
  const copy = handle.dup();  // dump() disposes some handles (promises), not others
  try {
    const value = context.dump(copy);
    if (value && typeof value === 'object' && 'message' in value) return String(value.name) + ': ' + String(value.message);
    return typeof value === 'string' ? value : JSON.stringify(value);
  } catch (error) {
    return 'an exception that cannot be described';
  } finally {
    if (copy.alive) copy.dispose();
  }
}

// The value handle of a QuickJS result; an error result is disposed and thrown as ThrowInContext.
function unwrap(context, result) {
  if (result.error) {
    const description = dumpError(context, result.error);
    result.error.dispose();
    throw new ThrowInContext(description);
  }
  return result.value;
}

// One case's runtime and context. install() puts host.js and the user's preludes in; the caller
// disposes the realm (dispose()), whatever happens.
class Realm {
  constructor(deadline) {
    this.handles = [];
    this.deadline = deadline;
    this.runtime = wasm.newRuntime();
    try {
      this.runtime.setMemoryLimit(kMemoryLimit);
      this.runtime.setMaxStackSize(kMaxStackSize);
      this.runtime.setInterruptHandler(() => Date.now() > this.deadline);
      this.context = this.runtime.newContext();
    } catch (error) {
      this.runtime.dispose();
      throw error;
    }
  }

  install() {
    const { context } = this;
    const keep = (handle) => this.keep(handle);
    // hooks.promise reads a promise's state and result slots through QuickJS's C API.
    const isPromise = keep(context.newFunction('isPromise', (value) => {
      const state = context.getPromiseState(value);
      if (state.notAPromise) return context.false;
      if (state.type !== 'pending') (state.value || state.error).dispose();
      return context.true;
    }));
    const state = keep(context.newFunction('state', (value) => {
      const found = context.getPromiseState(value);
      if (found.notAPromise) return context.undefined;
      if (found.type !== 'pending') (found.value || found.error).dispose();
      return context.newString(found.type);
    }));
    const result = keep(context.newFunction('result', (value) => {
      const found = context.getPromiseState(value);
      if (found.notAPromise || found.type === 'pending') return context.undefined;
      return found.type === 'fulfilled' ? found.value : found.error;
    }));
    const bootstrap = keep(unwrap(context, context.evalCode(kBootstrap, 'settle-bootstrap.js', { type: 'global' })));
    const aliasList = keep(unwrap(context, context.evalCode(JSON.stringify(aliases), 'settle-aliases.js', { type: 'global' })));
    const hooks = keep(unwrap(context, context.callFunction(bootstrap, context.undefined,
      [context.global, aliasList, isPromise, state, result])));
    const installer = keep(unwrap(context, context.evalCode(hostSource, 'engines/host/host.js', { type: 'global' })));
    this.api = keep(unwrap(context, context.callFunction(installer, context.undefined, [context.global, hooks])));
    for (const prelude of preludes) {
      unwrap(context, context.evalCode(prelude.code, prelude.file, { type: 'global' })).dispose();
    }
  }

  keep(handle) {
    this.handles.push(handle);
    return handle;
  }

  // api[name](...args): a handle the realm disposes.
  callApi(name, args) {
    const { context } = this;
    const method = this.keep(context.getProp(this.api, name));
    return this.keep(unwrap(context, context.callFunction(method, this.api, args)));
  }

  // Runs the job queue until it is empty.
  drainJobs() {
    for (;;) {
      const ran = this.runtime.executePendingJobs(-1);
      if (ran.error) {
        // A job's exception that QuickJS does not turn into a rejection: an interruption or memory.
        const description = dumpError(this.context, ran.error);
        ran.error.dispose();
        throw new ThrowInContext(description);
      }
      if (!this.runtime.hasPendingJob()) return;
    }
  }

  dispose() {
    for (const handle of this.handles.reverse()) {
      if (handle.alive) handle.dispose();
    }
    this.handles = [];
    try {
      if (this.context.alive) this.context.dispose();
    } finally {
      if (this.runtime.alive) this.runtime.dispose();
    }
  }
}

// Why a case that QuickJS stopped could not finish: a fault message, or null for an ordinary exception.
function stopReason(description, deadline) {
  if (Date.now() > deadline || /^InternalError: interrupted/.test(description)) {
    return 'interrupted inside QuickJS after running past its deadline';
  }
  if (/out of memory/.test(description)) return 'the case ran out of memory (' + description + ')';
  return null;
}

// test262 harness files by name, as sent once per process.
const harnessFiles = new Map();

// Evaluates a test262 test's harness files in the realm; the first failure's description, or ''.
function loadHarness(realm, names) {
  const { context } = realm;
  for (const name of names) {
    if (!harnessFiles.has(name)) return name + ': settle did not send this harness file';
    const ran = context.evalCode(harnessFiles.get(name), name, { type: 'global' });
    if (ran.error) {
      const description = dumpError(context, ran.error);
      ran.error.dispose();
      return name + ' threw ' + description;
    }
    ran.value.dispose();
  }
  return '';
}

function runCase(request) {
  const timeout = Number(request.timeout_ms) > 0 ? Number(request.timeout_ms) : kDefaultDeadlineMs;
  const deadline = Date.now() + timeout + kDeadlineGraceMs;
  let realm = null;
  let reportText;
  let parseError = false;
  try {
    try {
      realm = new Realm(deadline);
      realm.install();
    } catch (error) {
      const message = error instanceof ThrowInContext ? error.description : describe(error);
      reply({ type: 'fault', message: stopReason(message, deadline) || 'the realm could not be built: ' + message });
      return;
    }
    const { context } = realm;
    const test262 = request.test262;
    if (test262) {
      realm.callApi('install262', []);  // $262.global only: QuickJS's other parts are not wired here
      const harnessError = loadHarness(realm, test262.harness || []);
      if (harnessError) {
        realm.callApi('observeCompleted', []);
        const report = context.getString(realm.callApi('finish', [realm.keep(context.newArray())]));
        process.stdout.write(nonce + ' {"type":"result","parse_error":false,"harness_error":' +
          JSON.stringify(harnessError) + ',"report":' + report + '}\n');
        return;
      }
    }
    const code = request.strict ? "'use strict'; " + request.code : request.code;
    const ran = context.evalCode(code, request.id, { type: 'global' });
    if (ran.error) {
      realm.keep(ran.error);
      const description = dumpError(context, ran.error);
      const stopped = stopReason(description, deadline);
      if (stopped) {
        reply({ type: 'fault', message: stopped });
        return;
      }
      // A SyntaxError of the code itself, not one thrown while it ran: it does not compile.
      if (/^SyntaxError/.test(description)) {
        const compiled = context.evalCode(code, request.id, { type: 'global', compileOnly: true });
        parseError = Boolean(compiled.error);
        (compiled.error || compiled.value).dispose();
      }
      realm.callApi('observeThrow', [ran.error]);
    } else {
      realm.keep(ran.value);
      if (test262) realm.callApi('observeCompleted', []);
      else realm.callApi('observe', [ran.value]);
    }
    for (;;) {
      realm.drainJobs();
      const more = realm.callApi('runNextTimer', []);
      if (context.typeof(more) !== 'boolean' || !context.dump(more)) break;
    }
    const watch = realm.keep(context.newArray());
    (request.watch || []).forEach((name, i) => {
      const text = context.newString(name);
      context.setProp(watch, i, text);
      text.dispose();
    });
    reportText = context.getString(realm.callApi('finish', [watch]));
  } catch (error) {
    if (error instanceof ThrowInContext) {
      reply({ type: 'fault', message: stopReason(error.description, deadline) || 'the host prelude failed: ' + error.description });
    } else {
      // A host exception (a WebAssembly trap, a broken handle): the module may be unusable now.
      wasm = null;
      reply({ type: 'fault', message: 'QuickJS failed: ' + describe(error) });
    }
    return;
  } finally {
    if (realm) {
      try {
        realm.dispose();
      } catch (error) {
        wasm = null;  // a leak or a trap while freeing: start from a new module
      }
    }
  }
  // An interruption inside a job becomes a rejection there: past the deadline, nothing observed counts.
  if (Date.now() > deadline) {
    reply({ type: 'fault', message: stopReason('', deadline) });
    return;
  }
  process.stdout.write(nonce + ' {"type":"result","parse_error":' + parseError + ',"report":' + reportText + '}\n');
}

// QuickJS's own version, as its memory report names it ("QuickJS memory usage -- 2025-09-13 version").
function quickjsVersion() {
  const runtime = wasm.newRuntime();
  try {
    const found = /-- (\S+) version/.exec(runtime.dumpMemoryUsage());
    return found ? found[1] : '';
  } finally {
    runtime.dispose();
  }
}

async function setup(request) {
  nonce = request.nonce;
  if (!quickjs) {
    reply({ type: 'error', message: kPackage + ' cannot be loaded from ' + (npmDir || '(no folder given)') +
      ': ' + describe(loadError).split('\n')[0] + '; run make engines' });
    return;
  }
  ready = false;
  hostSource = request.host;
  preludes = request.preludes || [];
  aliases = request.aliases || [];
  let realm = null;
  try {
    wasm = await quickjs.newQuickJSWASMModule();
    const version = quickjsVersion();
    realm = new Realm(Date.now() + kDefaultDeadlineMs);
    realm.install();
    const probed = realm.keep(unwrap(realm.context, realm.context.evalCode(request.probes, 'probes', { type: 'global' })));
    const features = JSON.parse(realm.context.getString(probed));
    ready = true;
    reply({
      type: 'ready',
      version: 'QuickJS ' + (version || 'unknown') + ' (quickjs-emscripten ' + packageVersion + ')',
      features,
      host262: ['global'],
    });
  } catch (error) {
    reply({ type: 'error', message: 'setup failed: ' + (error instanceof ThrowInContext ? error.description : describe(error)) });
  } finally {
    try {
      if (realm) realm.dispose();
    } catch (error) {
      wasm = null;
    }
  }
}

// The requests, one a line, handled in order (loading the WebAssembly module is asynchronous).
const pending = [];
let busy = false;
async function pump() {
  if (busy) return;
  busy = true;
  while (pending.length > 0) {
    let request;
    try {
      request = JSON.parse(pending.shift());
    } catch (error) {
      continue;
    }
    try {
      if (request.type === 'setup') {
        await setup(request);
      } else if (request.type === 'harness') {
        harnessFiles.set(request.name, request.code);
      } else if (request.type === 'case' && !ready) {
        reply({ type: 'fault', message: 'the driver is not set up' });
      } else if (request.type === 'case') {
        if (!wasm) wasm = await quickjs.newQuickJSWASMModule();
        runCase(request);
      }
    } catch (error) {
      reply({ type: 'fault', message: 'the driver failed: ' + describe(error) });
    }
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
