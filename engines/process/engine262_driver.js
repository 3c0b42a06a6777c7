// settle's driver for engine262 (npm @engine262/engine262, an implementation of ECMA-262 written in
// JavaScript): runs many cases in one node process, each in a fresh engine262 realm of a fresh agent,
// and speaks settle's line protocol (engines/process/protocol.h) on stdin and stdout.
// Run as `node engine262_driver.js NPM_DIR`, NPM_DIR holding @engine262/engine262 (`make engines`).
// Case code runs inside engine262 only: it sees the realm's built-ins and host.js's functions, never
// a function of node.
'use strict';
const path = require('path');
const readline = require('readline');

const npmDir = process.argv[2] || '';
const kPackage = '@engine262/engine262';

let e262 = null;
let packageVersion = '';
let loadError = null;
try {
  e262 = require(path.join(npmDir, kPackage));
  packageVersion = require(path.join(npmDir, kPackage, 'package.json')).version;
} catch (error) {
  loadError = error;
}

let nonce = '';
let ready = false;  // set up without error: cases can run
let hostScript = null;  // parsed once; each realm runs the same parse tree
let preludeScripts = [];
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

// An exception of case or prelude code, carried out of engine262 as a host exception.
class ThrowInRealm extends Error {
  constructor(value) {
    super('an exception in the realm');
    this.value = value;
  }
}

// The value of an engine262 completion record (or of a plain value); an abrupt one is thrown.
function unwrap(completion) {
  const { AbruptCompletion, Completion } = e262;
  if (completion instanceof AbruptCompletion) throw new ThrowInRealm(completion.Value);
  if (completion instanceof Completion) return completion.Value;
  return completion;
}

// Parses a script for the running realm: a Script Record, or {errors} when it does not parse.
function parse(realm, source, specifier) {
  const script = e262.ParseScript(source, realm, { specifier, public: { specifier } });
  return Array.isArray(script) ? { errors: script } : script;
}

// Runs a parsed script in `realm` (the running one) without draining the job queue: ManagedRealm's
// evaluateScript drains it, which would run the case's jobs before the subject is observed. A parse
// tree is never changed by evaluation, so the host prelude's and the user's preludes' are parsed
// once and run in every realm, each time in a Script Record of that realm.
function run(realm, script) {
  const { ScriptEvaluation, EnsureCompletion } = e262;
  return EnsureCompletion(ScriptEvaluation({ ...script, Realm: realm, LoadedModules: [] }));
}

// Parses and runs source text in the running realm.
function evaluate(realm, source, specifier) {
  const script = parse(realm, source, specifier);
  if (script.errors) return { parseError: true, completion: e262.ThrowCompletion(script.errors[0]) };
  return { parseError: false, completion: run(realm, script) };
}

function builtin(name, length, steps) {
  return e262.CreateBuiltinFunction(steps, length, e262.Value(name), []);
}

function dataObject(realm, properties) {
  const { OrdinaryObjectCreate, CreateDataProperty, Value } = e262;
  const object = OrdinaryObjectCreate(realm.Intrinsics['%Object.prototype%']);
  for (const [key, value] of Object.entries(properties)) {
    unwrap(CreateDataProperty(object, Value(key), value));
  }
  return object;
}

function isPromise(value) {
  return value instanceof e262.ObjectValue && 'PromiseState' in value && 'PromiseResult' in value;
}

// Calls api[name](...args) in the realm; the result as an engine262 value.
function callApi(api, name, args) {
  const { Call, Get, Value } = e262;
  return unwrap(Call(unwrap(Get(api, Value(name))), api, args));
}

// A fresh agent (so a fresh job queue) and realm with host.js and the user's preludes installed.
// The caller runs the returned realm's work inside realm.scope().
function newRealm() {
  const { Agent, setSurroundingAgent, ManagedRealm, Value, Call, DefinePropertyOrThrow, Descriptor } = e262;
  const agent = new Agent({});
  setSurroundingAgent(agent);
  const realm = new ManagedRealm({});
  lastRealm = realm;
  let api = null;
  realm.scope(() => {
    const global = realm.GlobalObject;
    for (const alias of aliases) {
      unwrap(DefinePropertyOrThrow(global, Value(alias), Descriptor({
        Value: global, Writable: Value.true, Enumerable: Value.false, Configurable: Value.true,
      })));
    }
    const installer = unwrap(run(realm, hostScript));
    const enqueueJob = builtin('enqueueJob', 1, ([job = Value.undefined]) => {
      agent.queueJob('PromiseJobs', () => {
        const result = Call(job, Value.undefined, []);
        if (result instanceof e262.AbruptCompletion && api) {
          // host.js's jobs catch what they call; this is only a safety net.
          Call(unwrap(e262.Get(api, Value('reportUncaught'))), api, [Value('a job'), result.Value]);
        }
        return Value.undefined;
      });
      return Value.undefined;
    });
    // Reads [[PromiseState]] and [[PromiseResult]] directly: observing calls no `then`.
    const promise = dataObject(realm, {
      isPromise: builtin('isPromise', 1, ([value = Value.undefined]) => (isPromise(value) ? Value.true : Value.false)),
      state: builtin('state', 1, ([value = Value.undefined]) => Value(value.PromiseState)),
      result: builtin('result', 1, ([value = Value.undefined]) => (
        value.PromiseState === 'pending' || value.PromiseResult === undefined ? Value.undefined : value.PromiseResult)),
    });
    const hooks = dataObject(realm, { enqueueJob, promise });
    api = unwrap(Call(installer, Value.undefined, [global, hooks]));
    for (const prelude of preludeScripts) unwrap(run(realm, prelude));
  });
  return { realm, api };
}

// Runs the agent's jobs until its queue is empty, as engine262's runJobQueue does (one job at a
// time, each on a fresh execution context, kept objects cleared after each) except for its garbage
// collection after every job: that walks the whole realm (tens of ms a job) and only ever matters to
// WeakRef and FinalizationRegistry, so here nothing is collected and every WeakRef stays alive.
function drainJobs() {
  const { surroundingAgent: agent, ExecutionContext, ClearKeptObjects, AbruptCompletion, Value } = e262;
  while (agent.jobQueue.length > 0) {
    const { job, callerRealm, callerScriptOrModule } = agent.jobQueue.shift();
    const context = new ExecutionContext();
    context.Function = Value.null;
    context.Realm = callerRealm;
    context.ScriptOrModule = callerScriptOrModule;
    agent.executionContextStack.push(context);
    const result = job();
    ClearKeptObjects();
    agent.executionContextStack.pop(context);
    if (result instanceof AbruptCompletion) throw new Error('a job completed abruptly');
  }
}

let lastRealm = null;  // the realm newRealm made last, to describe a value thrown in it

// A host exception as text; a value thrown in the realm as engine262's inspect writes it.
function describeAny(error) {
  if (!(error instanceof ThrowInRealm)) return describe(error);
  try {
    return lastRealm.scope(() => e262.inspect(error.value));
  } catch (e) {
    return 'a value that cannot be described';
  }
}

// The fault message for a host exception out of engine262 while a case ran.
function faultMessage(error) {
  if (error instanceof RangeError && /call stack/.test(error.message)) {
    return 'the case exhausted the stack of engine262\'s host (node): ' + describe(error);
  }
  if (error && error.constructor && error.constructor.name === 'AssertError') {
    return 'engine262 failed one of its own assertions (a bug of engine262): ' + error.message;
  }
  return 'engine262 failed: ' + describeAny(error);
}

// test262 harness files by name, parsed once per process (in the parsing realm, like the host
// prelude) when settle sends them: {script} or {error}.
const harnessScripts = new Map();
let parsingRealm = null;

function parseHarness(request) {
  parsingRealm.scope(() => {
    const script = parse(parsingRealm, request.code, request.name);
    harnessScripts.set(request.name, script.errors
      ? { error: request.name + ' does not parse: ' + describeAny(new ThrowInRealm(script.errors[0])) }
      : { script });
  });
}

// Gives a test262 test its realm (the running one): $262, then the harness files in order.
// Returns the first failure's description, or ''.
function prepareTest262(realm, api, names) {
  const $262 = {
    evalScript: builtin('evalScript', 1, ([source = e262.Value.undefined]) => {
      const text = source instanceof e262.JSStringValue ? source.stringValue() : '';
      return evaluate(realm, text, 'evalScript').completion;
    }),
  };
  callApi(api, 'install262', [dataObject(realm, $262)]);
  for (const name of names) {
    const harness = harnessScripts.get(name);
    if (!harness) return name + ': settle did not send this harness file';
    if (harness.error) return harness.error;
    const completion = run(realm, harness.script);
    if (completion instanceof e262.AbruptCompletion) {
      return name + ' threw ' + describeAny(new ThrowInRealm(completion.Value));
    }
  }
  return '';
}

function runCase(request) {
  const { Value } = e262;
  let built;
  try {
    built = newRealm();
  } catch (error) {
    reply({ type: 'fault', message: 'the realm could not be built: ' + describeAny(error) });
    return;
  }
  const { realm, api } = built;
  const code = request.strict ? "'use strict'; " + request.code : request.code;
  const test262 = request.test262;
  let parseError = false;
  let harnessError = '';
  let reportText;
  try {
    realm.scope(() => {
      if (test262) harnessError = prepareTest262(realm, api, test262.harness || []);
      if (harnessError) {
        callApi(api, 'observeCompleted', []);
        return;
      }
      const ran = evaluate(realm, code, request.id);
      parseError = ran.parseError;
      if (ran.completion instanceof e262.AbruptCompletion) {
        callApi(api, 'observeThrow', [ran.completion.Value]);
      } else if (test262) {
        callApi(api, 'observeCompleted', []);
      } else {
        callApi(api, 'observe', [ran.completion.Value === undefined ? Value.undefined : ran.completion.Value]);
      }
    });
    for (;;) {
      drainJobs();
      if (realm.scope(() => callApi(api, 'runNextTimer', [])) !== Value.true) break;
    }
  } catch (error) {
    reply({ type: 'fault', message: faultMessage(error) });
    return;
  }
  try {
    reportText = realm.scope(() => {
      const watch = e262.CreateArrayFromList((request.watch || []).map((name) => Value(name)));
      return callApi(api, 'finish', [unwrap(watch)]).stringValue();
    });
  } catch (error) {
    const message = error instanceof ThrowInRealm
      ? 'the observed values could not be serialised: ' + describeAny(error) : faultMessage(error);
    reply({ type: 'fault', message });
    return;
  }
  const harnessField = harnessError ? ',"harness_error":' + JSON.stringify(harnessError) : '';
  process.stdout.write(nonce + ' {"type":"result","parse_error":' + parseError + harnessField + ',"report":' + reportText + '}\n');
}

function setup(request) {
  nonce = request.nonce;
  if (!e262) {
    reply({ type: 'error', message: kPackage + ' cannot be loaded from ' + (npmDir || '(no folder given)') +
      ': ' + describe(loadError).split('\n')[0] + '; run make engines' });
    return;
  }
  aliases = [];
  ready = false;
  try {
    // The parse trees are made in a realm of their own (it only names the realm of a SyntaxError).
    e262.setSurroundingAgent(new e262.Agent({}));
    parsingRealm = new e262.ManagedRealm({});
    lastRealm = parsingRealm;
    parsingRealm.scope(() => {
      hostScript = parse(parsingRealm, request.host, 'engines/host/host.js');
      if (hostScript.errors) throw new ThrowInRealm(hostScript.errors[0]);
      preludeScripts = (request.preludes || []).map((prelude) => {
        const script = parse(parsingRealm, prelude.code, prelude.file);
        if (script.errors) throw new ThrowInRealm(script.errors[0]);
        return script;
      });
    });
    aliases = request.aliases || [];
    const { realm } = newRealm();
    const features = realm.scope(() => {
      const ran = evaluate(realm, request.probes, 'probes');
      return JSON.parse(unwrap(ran.completion).stringValue());
    });
    ready = true;
    reply({ type: 'ready', version: 'engine262 ' + packageVersion, features, host262: ['global', 'evalScript'] });
  } catch (error) {
    reply({ type: 'error', message: 'setup failed: ' + describeAny(error) });
  }
}

// The requests, one a line, handled in order.
readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
  .on('line', (line) => {
    let request;
    try {
      request = JSON.parse(line);
    } catch (error) {
      return;
    }
    try {
      if (request.type === 'setup') setup(request);
      else if (request.type === 'harness' && ready) parseHarness(request);
      else if (request.type === 'case' && !ready) reply({ type: 'fault', message: 'the driver is not set up' });
      else if (request.type === 'case') runCase(request);
    } catch (error) {
      reply({ type: 'fault', message: 'the driver failed: ' + describe(error) });
    }
  })
  .on('close', () => process.exit(0));
