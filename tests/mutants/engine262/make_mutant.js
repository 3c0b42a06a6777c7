#!/usr/bin/env node
// Builds a mutant of engine262: a copy of the npm package @engine262/engine262 whose built file
// (dist/engine262.js) has one named text patch applied, and a settle profile that runs it.
//
//   node tests/mutants/engine262/make_mutant.js NAME OUT_DIR [--npm NODE_MODULES]
//   node tests/mutants/engine262/make_mutant.js --list
//
// writes OUT_DIR/node_modules/@engine262/engine262/{package.json,dist/engine262.js} and
// OUT_DIR/engine262-NAME.json (engines/profiles/engine262.json with {npm} replaced by
// OUT_DIR/node_modules); run it with `settle run cases/... -e OUT_DIR/engine262-NAME.json`.
// NODE_MODULES defaults to $SETTLE_NPM_DIR, else build/engines/node_modules of this checkout.
//
// A patch is { anchor, find, replace, nth }: `anchor` must occur exactly once in the built file,
// and the nth (default: first) `find` after it is replaced. A patch that does not apply is an error, so that a new
// engine262 build fails loudly here instead of yielding a mutant identical to the original.
'use strict';
const fs = require('fs');
const path = require('path');
const { applyPatch } = require('../shared/apply_patch.js');

const P = "exports.surroundingAgent.intrinsic('%Promise%')";

const MUTANTS = {
  'none': {
    broken: 'nothing: the unmutated copy, the baseline every mutant is compared with',
    patches: [],
  },
  'await-three-ticks': {
    broken: 'Await wraps every operand in a new promise (NewPromiseCapability + resolve), as before ES2019: a native promise takes three ticks',
    patches: [{
      anchor: 'function* Await(value) {',
      find: `let _temp = PromiseResolve(${P}, value);`,
      replace: `let _temp = (() => { let cap = NewPromiseCapability(${P}); if (cap instanceof Completion) cap = cap.Value; Call(cap.Resolve, exports.Value.undefined, [value]); return cap.Promise; })();`,
    }],
  },
  'await-no-constructor-check': {
    broken: 'Await takes any promise as is (IsPromise only): a subclass instance takes one tick, x.constructor is never read',
    patches: [{
      anchor: 'function* Await(value) {',
      find: `let _temp = PromiseResolve(${P}, value);`,
      replace: `let _temp = IsPromise(value) === exports.Value.true ? value : PromiseResolve(${P}, value);`,
    }],
  },
  'await-invokes-then': {
    broken: 'Await calls promise.then (Invoke) instead of PerformPromiseThen: own and patched then methods are observed',
    patches: [{
      anchor: 'function* Await(value) {',
      find: 'let _temp4 = PerformPromiseThen(promise, onFulfilled, onRejected);',
      replace: "let _temp4 = Invoke(promise, exports.Value('then'), [onFulfilled, onRejected]); if (_temp4 instanceof AbruptCompletion) _temp4 = exports.Value.undefined;",
    }],
  },
  'await-rejection-fulfils': {
    broken: 'a rejected await operand resumes the function normally, with the reason as the value',
    patches: [{
      anchor: 'function* Await(value) {',
      find: 'resume(asyncContext, ThrowCompletion(reason));',
      replace: 'resume(asyncContext, NormalCompletion(reason));',
    }],
  },
  'async-return-no-adopt': {
    broken: 'an async function fulfils its promise with the returned value as is: a returned promise is not adopted',
    patches: [{
      anchor: 'function AsyncBlockStart(promiseCapability, asyncBody, asyncContext) {',
      find: 'let _temp2 = Call(promiseCapability.Resolve, exports.Value.undefined, [result.Value]);',
      replace: 'let _temp2 = FulfillPromise(promiseCapability.Promise, result.Value);',
    }],
  },
  'async-return-fast-path': {
    broken: 'a returned native promise is adopted by PerformPromiseThen directly, without NewPromiseResolveThenableJob: two ticks instead of three, its then not called',
    patches: [{
      anchor: 'function AsyncBlockStart(promiseCapability, asyncBody, asyncContext) {',
      find: 'let _temp2 = Call(promiseCapability.Resolve, exports.Value.undefined, [result.Value]);',
      replace: 'let _temp2 = IsPromise(result.Value) === exports.Value.true ? PerformPromiseThen(result.Value, promiseCapability.Resolve, promiseCapability.Reject) : Call(promiseCapability.Resolve, exports.Value.undefined, [result.Value]);',
    }],
  },
  'async-params-throw-sync': {
    broken: 'an abrupt FunctionDeclarationInstantiation (a parameter default or destructuring that throws) throws from the call instead of rejecting',
    patches: [{
      anchor: 'function* EvaluateBody_AsyncFunctionBody(FunctionBody, functionObject, argumentsList) {',
      find: 'let _temp14 = Call(promiseCapability.Reject, exports.Value.undefined, [declResult.Value]);',
      replace: 'return declResult;',
    }],
  },
  'yield-no-await': {
    broken: 'yield in an async generator does not await its operand',
    patches: [{
      anchor: 'function* Yield(value) {',
      find: 'let _temp8 = yield* Await(value);',
      replace: 'let _temp8 = value;',
    }],
  },
  'asyncgen-return-no-await': {
    broken: 'return in an async generator does not await its operand',
    patches: [{
      anchor: 'function* Evaluate_ReturnStatement({',
      find: "if (_temp2 === 'async') {",
      replace: 'if (false) {',
    }],
  },
  'asyncgen-return-resumption-no-await': {
    broken: 'return(v) at a yield does not await v (AsyncGeneratorUnwrapYieldResumption)',
    patches: [{
      anchor: 'function* AsyncGeneratorUnwrapYieldResumption(resumptionValue) {',
      find: 'const awaited = EnsureCompletion(yield* Await(resumptionValue.Value));',
      replace: 'const awaited = NormalCompletion(resumptionValue.Value);',
    }],
  },
  'asyncgen-await-return-sync': {
    broken: 'return(v) on a suspended-start or completed generator settles at once with v, without awaiting it (AsyncGeneratorAwaitReturn)',
    patches: [{
      anchor: 'function AsyncGeneratorAwaitReturn(generator) {',
      find: 'let _temp18 = PerformPromiseThen(promise, onFulfilled, onRejected);',
      replace: 'let _temp18 = Call(onFulfilled, exports.Value.undefined, [completion.Value]);',
    }],
  },
  'asyncgen-yield-ignores-queue': {
    broken: 'AsyncGeneratorYield always suspends, even with requests queued: queued requests are never served',
    patches: [{
      anchor: 'function* AsyncGeneratorYield(value) {',
      find: 'if (queue.length > 0) {',
      replace: 'if (false) {',
    }],
  },
  'yield-star-awaits-value': {
    broken: 'yield* in an async generator awaits the inner result\'s value again (SpiderMonkey 102\'s behaviour)',
    patches: [{
      anchor: 'function* Evaluate_YieldExpression({',
      find: 'received = yield* AsyncGeneratorYield(_temp7);',
      replace: 'received = yield* Yield(_temp7);',
    }],
  },
  'async-iterator-close-no-await': {
    broken: 'AsyncIteratorClose calls return but neither awaits nor checks its result (QuickJS\'s behaviour)',
    patches: [{
      anchor: 'function* AsyncIteratorClose(iteratorRecord, completion) {',
      find: 'innerResult = EnsureCompletion(yield* Await(innerResult.Value));',
      replace: "innerResult = NormalCompletion(OrdinaryObjectCreate(exports.surroundingAgent.intrinsic('%Object.prototype%')));",
    }],
  },
  'for-await-break-no-close': {
    broken: 'break (or return) out of for await does not close the iterator',
    patches: [{
      anchor: 'function* ForInOfBodyEvaluation(lhs, stmt, iteratorRecord, iterationKind, lhsKind, labelSet, iteratorKind) {',
      // the first is the close after a destructuring error; the second follows LoopContinues
      find: 'return yield* AsyncIteratorClose(iteratorRecord, status);',
      nth: 2,
      replace: 'return status;',
    }],
  },
  'async-from-sync-no-unwrap': {
    broken: 'the async-from-sync iterator waits for a value but passes on the value itself: promises from a sync iterator are not unwrapped',
    patches: [{
      anchor: 'function AsyncFromSyncIteratorContinuation(result, promiseCapability) {',
      find: 'let _temp19 = CreateIterResultObject(valueInner, done);',
      replace: 'let _temp19 = CreateIterResultObject(value, done);',
    }],
  },
  // issue 28: the request queue with several requests waiting, yield* over incomplete inner
  // iterators, the async-from-sync iterator's arguments, for-await head errors, combinator
  // element functions called directly
  'asyncgen-drain-first-only': {
    broken: 'AsyncGeneratorDrainQueue settles only the first queued request when the generator completes: the others stay pending',
    patches: [{
      anchor: 'function AsyncGeneratorDrainQueue(generator) {',
      find: 'if (queue.length === 0) {',
      nth: 2,
      replace: 'if (true) {',
    }],
  },
  'asyncgen-next-skips-awaiting-return': {
    broken: 'next() while a return(v) is awaiting (state awaiting-return) settles {undefined, true} at once instead of queueing behind the return',
    patches: [{
      anchor: 'function AsyncGeneratorPrototype_next([value = exports.Value.undefined], {',
      find: "if (state === 'completed') {",
      replace: "if (state === 'completed' || state === 'awaiting-return') {",
    }],
  },
  'asyncgen-throw-skips-awaiting-return': {
    broken: 'throw(e) while a return(v) is awaiting (state awaiting-return) rejects at once instead of queueing behind the return',
    patches: [{
      anchor: 'function AsyncGeneratorPrototype_throw([exception = exports.Value.undefined], {',
      find: "if (state === 'completed') {",
      replace: "if (state === 'completed' || state === 'awaiting-return') {",
    }],
  },
  'yield-star-return-missing-no-await': {
    broken: 'return(v) through an async yield* whose inner iterator has no return method completes with v unawaited',
    patches: [{
      anchor: 'function* Evaluate_YieldExpression({',
      find: 'let _temp16 = yield* Await(received.Value);',
      replace: 'let _temp16 = received.Value;',
    }],
  },
  'yield-star-throw-missing-no-close': {
    broken: 'throw(e) through yield* whose inner iterator has no throw method does not close the inner iterator before the TypeError',
    patches: [{
      anchor: 'function* Evaluate_YieldExpression({',
      find: 'let _temp13 = yield* AsyncIteratorClose(iteratorRecord, closeCompletion);',
      replace: 'let _temp13 = exports.Value.undefined;',
    }],
  },
  'yield-star-next-result-no-object-check': {
    broken: 'yield* takes a non-object result of the inner next as the final value instead of throwing a TypeError',
    patches: [{
      anchor: 'function* Evaluate_YieldExpression({',
      find: "return exports.surroundingAgent.Throw('TypeError', 'NotAnObject', innerResult);",
      replace: 'return innerResult;',
    }],
  },
  'yield-star-return-result-no-object-check': {
    broken: "yield* takes a non-object result of the inner return as the return value instead of throwing a TypeError",
    patches: [{
      anchor: 'function* Evaluate_YieldExpression({',
      find: "return exports.surroundingAgent.Throw('TypeError', 'NotAnObject', innerReturnResult);",
      replace: "return new exports.Completion({ Type: 'return', Value: innerReturnResult, Target: undefined });",
    }],
  },
  'async-from-sync-next-drops-argument': {
    broken: "the async-from-sync iterator's next(v) calls the sync next without v",
    patches: [{
      anchor: 'function AsyncFromSyncIteratorPrototype_next([value], {',
      find: 'result = IteratorNext(syncIteratorRecord, value);',
      replace: 'result = IteratorNext(syncIteratorRecord);',
    }],
  },
  'async-from-sync-next-always-passes-argument': {
    broken: "the async-from-sync iterator's next() without an argument calls the sync next with one (undefined)",
    patches: [{
      anchor: 'function AsyncFromSyncIteratorPrototype_next([value], {',
      find: 'result = IteratorNext(syncIteratorRecord);',
      replace: 'result = Call(syncIteratorRecord.NextMethod, syncIteratorRecord.Iterator, [exports.Value.undefined]);',
    }],
  },
  'async-from-sync-return-always-passes-argument': {
    broken: "the async-from-sync iterator's return() without an argument calls the sync return with one (undefined)",
    patches: [{
      anchor: 'function AsyncFromSyncIteratorPrototype_return([value], {',
      find: 'result = Call(ret, syncIterator);',
      replace: 'result = Call(ret, syncIterator, [exports.Value.undefined]);',
    }],
  },
  'async-from-sync-return-missing-drops-value': {
    broken: "the async-from-sync iterator's return(v) on a sync iterator without return fulfils {undefined, true} instead of {v, true}",
    patches: [{
      anchor: 'function AsyncFromSyncIteratorPrototype_return([value], {',
      find: 'let _temp4 = CreateIterResultObject(value, exports.Value.true);',
      replace: 'let _temp4 = CreateIterResultObject(exports.Value.undefined, exports.Value.true);',
    }],
  },
  'for-await-binding-error-no-close': {
    broken: 'a destructuring or binding error in the head of for await does not close the iterator',
    patches: [{
      anchor: 'function* ForInOfBodyEvaluation(lhs, stmt, iteratorRecord, iterationKind, lhsKind, labelSet, iteratorKind) {',
      find: 'return yield* AsyncIteratorClose(iteratorRecord, status);',
      replace: 'return status;',
    }],
  },
  'for-await-binding-error-close-not-awaited': {
    broken: 'a binding error in the head of for await closes the iterator with the sync IteratorClose: return is called but its promise not awaited',
    patches: [{
      anchor: 'function* ForInOfBodyEvaluation(lhs, stmt, iteratorRecord, iterationKind, lhsKind, labelSet, iteratorKind) {',
      find: 'return yield* AsyncIteratorClose(iteratorRecord, status);',
      replace: 'return IteratorClose(iteratorRecord, status);',
    }],
  },
  'all-resolve-element-no-already-called': {
    broken: "Promise.all's resolve element functions ignore [[AlreadyCalled]]: a second call overwrites the value and counts down again",
    patches: [{
      anchor: 'function PromiseAllResolveElementFunctions([x = exports.Value.undefined]) {',
      find: 'if (alreadyCalled.Value === true) {',
      replace: 'if (false) {',
    }],
  },
  'allsettled-separate-already-called': {
    broken: "Promise.allSettled gives an element's onFulfilled and onRejected separate [[AlreadyCalled]] records: calling both counts the element twice",
    patches: [{
      anchor: 'function PerformPromiseAllSettled(iteratorRecord, constructor, resultCapability, promiseResolve) {',
      find: 'onRejected.AlreadyCalled = alreadyCalled;',
      replace: 'onRejected.AlreadyCalled = { Value: false };',
    }],
  },
  'any-reject-element-no-already-called': {
    broken: "Promise.any's reject element functions ignore [[AlreadyCalled]]: a second call overwrites the error and counts down again",
    patches: [{
      anchor: 'function PromiseAnyRejectElementFunctions([x = exports.Value.undefined]) {',
      find: 'if (alreadyCalled.Value) {',
      replace: 'if (false) {',
    }],
  },
  // Issue 25: HostPromiseRejectionTracker and what calls it (cases/rejection-tracking/).
  'tracker-no-reject': {
    broken: 'RejectPromise never calls HostPromiseRejectionTracker(promise, "reject"): nothing is ever unhandled',
    patches: [{
      anchor: 'function RejectPromise(promise, reason) {',
      find: "HostPromiseRejectionTracker(promise, 'reject');",
      replace: '',
    }],
  },
  'tracker-no-handle': {
    broken: 'PerformPromiseThen never calls HostPromiseRejectionTracker(promise, "handle"): a promise handled late stays unhandled, no handled event',
    patches: [{
      anchor: 'function PerformPromiseThen(promise, onFulfilled, onRejected, resultCapability) {',
      find: "HostPromiseRejectionTracker(promise, 'handle');",
      replace: '',
    }],
  },
  'tracker-reject-ignores-is-handled': {
    broken: 'RejectPromise calls the tracker with "reject" even when the promise already has a handler',
    patches: [{
      anchor: 'function RejectPromise(promise, reason) {',
      find: 'if (promise.PromiseIsHandled === exports.Value.false) {',
      replace: 'if (true) {',
    }],
  },
  'tracker-await-no-handle': {
    broken: 'the handler that Await adds is no "handle" operation: an awaited rejected promise stays unhandled',
    patches: [{
      anchor: 'function* Await(value) {',
      find: 'let _temp4 = PerformPromiseThen(promise, onFulfilled, onRejected);',
      replace: 'let _temp4 = (promise.PromiseIsHandled = exports.Value.true, PerformPromiseThen(promise, onFulfilled, onRejected));',
    }],
  },
  'tracker-then-derived-handled': {
    broken: 'the derived promise of then is marked handled: then(f) on a rejected promise leaves nothing unhandled',
    patches: [{
      anchor: 'function PerformPromiseThen(promise, onFulfilled, onRejected, resultCapability) {',
      find: 'return resultCapability.Promise;',
      replace: 'resultCapability.Promise.PromiseIsHandled = exports.Value.true; return resultCapability.Promise;',
    }],
  },
  'tracker-finally-derived-handled': {
    broken: "finally's derived promise is marked handled (the seeds' then(f, f) model): a rejection passed through is never unhandled",
    patches: [{
      anchor: 'function PromiseProto_finally([onFinally = exports.Value.undefined], {',
      find: "return Invoke(promise, exports.Value('then'), [thenFinally, catchFinally]);",
      replace: "{ const derived = Invoke(promise, exports.Value('then'), [thenFinally, catchFinally]); const value = derived instanceof exports.Completion ? derived.Value : derived; if (value instanceof ObjectValue && 'PromiseIsHandled' in value) value.PromiseIsHandled = exports.Value.true; return derived; }",
    }],
  },
  'tracker-executor-throw-handled': {
    broken: 'a promise whose executor throws is marked handled before it rejects',
    patches: [{
      anchor: 'function PromiseConstructor([executor = exports.Value.undefined], {',
      find: 'let _temp2 = Call(resolvingFunctions.Reject, exports.Value.undefined, [completion.Value]);',
      replace: 'promise.PromiseIsHandled = exports.Value.true; let _temp2 = Call(resolvingFunctions.Reject, exports.Value.undefined, [completion.Value]);',
    }],
  },
  'tracker-async-throw-handled': {
    broken: "an async function that throws marks its promise handled before rejecting it",
    patches: [{
      anchor: 'function AsyncBlockStart(promiseCapability, asyncBody, asyncContext) {',
      find: 'let _temp3 = Call(promiseCapability.Reject, exports.Value.undefined, [result.Value]);',
      replace: 'promiseCapability.Promise.PromiseIsHandled = exports.Value.true; let _temp3 = Call(promiseCapability.Reject, exports.Value.undefined, [result.Value]);',
    }],
  },
  'tracker-asyncgen-rejection-handled': {
    broken: "an async generator's rejected request promise is marked handled: a rejected next() is never unhandled",
    patches: [{
      anchor: 'function AsyncGeneratorCompleteStep(generator, completion, done, realm) {',
      find: 'let _temp6 = Call(promiseCapability.Reject, exports.Value.undefined, [value]);',
      replace: 'promiseCapability.Promise.PromiseIsHandled = exports.Value.true; let _temp6 = Call(promiseCapability.Reject, exports.Value.undefined, [value]);',
    }],
  },
  // Not engine262 itself: the driver's checkpoint (engines/process/driver_core.js), which every
  // process engine shares; run here on engine262, the spec, as a driver of its own (the profile's
  // command names the patched driver file instead of the built-in "driver").
  'tracker-checkpoint-before-drain': {
    broken: "the driver's rejection checkpoint runs before the job queue drains instead of after it: a promise caught in a later job is reported, one rejected in a job is reported late or never",
    patches: [],
    driverPatches: [{
      anchor: 'function afterDrain(realm) {',
      find: 'if (realm.api.checkpoint) realm.api.checkpoint();',
      replace: '',
    }, {
      anchor: 'function drainAll(realm, done) {',
      find: 'while (adapter.drain(realm, next)) {',
      replace: 'while ((realm.api.checkpoint && realm.api.checkpoint(), adapter.drain(realm, next))) {',
    }],
  },
};

function repoRoot() { return path.resolve(__dirname, '..', '..', '..'); }

function main(argv) {
  if (argv[0] === '--list') {
    for (const [name, m] of Object.entries(MUTANTS)) console.log(`${name}\t${m.broken}`);
    return 0;
  }
  let npm = process.env.SETTLE_NPM_DIR || path.join(repoRoot(), 'build', 'engines', 'node_modules');
  const args = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--npm') npm = argv[++i];
    else args.push(argv[i]);
  }
  const [name, outArg] = args;
  if (!name || !outArg || !MUTANTS[name]) {
    console.error('usage: make_mutant.js NAME OUT_DIR [--npm NODE_MODULES] | --list');
    if (name && !MUTANTS[name]) console.error(`unknown mutant ${name}; see --list`);
    return 2;
  }
  const out = path.resolve(outArg);
  const src = path.join(npm, '@engine262', 'engine262');
  const dst = path.join(out, 'node_modules', '@engine262', 'engine262');
  fs.mkdirSync(path.join(dst, 'dist'), { recursive: true });
  fs.copyFileSync(path.join(src, 'package.json'), path.join(dst, 'package.json'));
  let text = fs.readFileSync(path.join(src, 'dist', 'engine262.js'), 'utf8');
  for (const p of MUTANTS[name].patches) text = applyPatch(text, name, p);
  text = `// settle mutant ${name}: ${MUTANTS[name].broken}\n` + text;
  fs.writeFileSync(path.join(dst, 'dist', 'engine262.js'), text);

  const profile = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'engines', 'profiles', 'engine262.json'), 'utf8'));
  const nm = path.join(out, 'node_modules');
  profile.name = `engine262-${name}`;
  profile.description = `engine262 mutant ${name}: ${MUTANTS[name].broken}`;
  profile.command = profile.command.map((a) => (a === '{npm}' ? nm : a));
  profile.version = profile.version.map((a) => (a === '{npm}' ? nm : a));
  if (MUTANTS[name].driverPatches) {
    // The built-in driver as settle composes it (engines/process/driver_source.cc), patched.
    const processDir = path.join(repoRoot(), 'engines', 'process');
    let core = fs.readFileSync(path.join(processDir, 'driver_core.js'), 'utf8');
    for (const p of MUTANTS[name].driverPatches) core = applyPatch(core, name, p);
    const adapter = fs.readFileSync(path.join(processDir, `${profile.driver}_adapter.js`), 'utf8');
    const driver = path.join(out, `driver-${name}.js`);
    fs.writeFileSync(driver, `(function () {\n${core}\n${adapter}\n})();\n`);
    profile.command = profile.command.map((a) => (a === '{driver}' ? driver : a));
    delete profile.driver;
  }
  const file = path.join(out, `engine262-${name}.json`);
  fs.writeFileSync(file, JSON.stringify(profile, null, 2) + '\n');
  console.log(file);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error(`make_mutant.js: ${e.message}`);
  process.exitCode = 1;
}
