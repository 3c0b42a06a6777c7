#!/usr/bin/env node
// Builds a mutant of settle's Duktape Promise: a copy of engines/duktape/promise.js with one named
// text patch applied, and a settle profile that installs it on the embedded Duktape in place of
// the compiled-in Promise (the profile field `promise`, docs/engines.md).
//
//   node tests/mutants/duktape/make_mutant.js NAME OUT_DIR
//   node tests/mutants/duktape/make_mutant.js --list
//
// writes OUT_DIR/promise-NAME.js and OUT_DIR/duktape-NAME.json; run it with
// `settle run cases/rejection-tracking -e OUT_DIR/duktape-NAME.json`.
//
// A patch is { anchor, find, replace }: `anchor` must occur exactly once in promise.js, and the
// first `find` after it is replaced. A patch that does not apply is an error, so that a change to
// promise.js fails loudly here instead of yielding a mutant identical to the original.
'use strict';
const fs = require('fs');
const path = require('path');
const { applyPatch } = require('../shared/apply_patch.js');

const HANDLE = "if (promise[SLOTS].isHandled === false) HostPromiseRejectionTracker(promise, 'handle');";
const REJECT = "if (promise[SLOTS].isHandled === false) HostPromiseRejectionTracker(promise, 'reject');";
const MARK_HANDLED = (p) => `if (IsPromise(${p})) ${p}[SLOTS].isHandled = true;`;

const MUTANTS = {
  'none': {
    broken: 'nothing: the unmutated copy, the baseline every mutant is compared with',
    patches: [],
  },
  'tracker-no-reject': {
    broken: 'RejectPromise never calls HostPromiseRejectionTracker with "reject"',
    patches: [{ anchor: 'function RejectPromise(promise, reason) {', find: REJECT, replace: '' }],
  },
  'tracker-no-handle': {
    broken: 'PerformPromiseThen never calls it with "handle" when a handler is added to a rejected promise',
    patches: [{ anchor: 'function PerformPromiseThen(promise, onFulfilled, onRejected, resultCapability) {', find: HANDLE, replace: '' }],
  },
  'tracker-reject-ignores-is-handled': {
    broken: '"reject" even when the promise already has a handler ([[PromiseIsHandled]] not checked)',
    patches: [{
      anchor: 'function RejectPromise(promise, reason) {',
      find: REJECT,
      replace: "HostPromiseRejectionTracker(promise, 'reject');",
    }],
  },
  'tracker-then-derived-handled': {
    broken: "then's derived promise is marked handled: a rejection passed down a chain is never unhandled",
    patches: [{
      anchor: 'function PerformPromiseThen(promise, onFulfilled, onRejected, resultCapability) {',
      find: 'if (resultCapability === undefined) return undefined;',
      replace: `if (resultCapability === undefined) return undefined; ${MARK_HANDLED('resultCapability.Promise')}`,
    }],
  },
  'tracker-finally-derived-handled': {
    broken: "finally's derived promise is marked handled (the seeds' model: finally(f) as then(f, f) leaves nothing unhandled)",
    patches: [{
      anchor: 'function PromisePrototypeFinally(thisValue, onFinally) {',
      find: "return Invoke(promise, 'then', [thenFinally, catchFinally]);",
      replace: `var derived = Invoke(promise, 'then', [thenFinally, catchFinally]); ${MARK_HANDLED('derived')} return derived;`,
    }],
  },
  'tracker-executor-throw-handled': {
    broken: 'a promise whose executor throws is marked handled before it is rejected',
    patches: [{
      anchor: '// 10. If completion is an abrupt completion, then',
      find: 'Call(resolvingFunctions.Reject, undefined, [e]);',
      replace: `${MARK_HANDLED('promise')} Call(resolvingFunctions.Reject, undefined, [e]);`,
    }],
  },
  'tracker-all-result-handled': {
    broken: "Promise.all's result promise is marked handled: a rejecting element leaves nothing unhandled",
    patches: [{
      anchor: 'function PromiseAll(thisValue, iterable) {',
      find: 'var promiseCapability = NewPromiseCapability(C);',
      replace: `var promiseCapability = NewPromiseCapability(C); ${MARK_HANDLED('promiseCapability.Promise')}`,
    }],
  },
};

function main(argv) {
  if (argv[0] === '--list') {
    for (const [name, mutant] of Object.entries(MUTANTS)) console.log(`${name}\t${mutant.broken}`);
    return 0;
  }
  const [name, outDir] = argv;
  const mutant = MUTANTS[name];
  if (!mutant || !outDir) {
    console.error('usage: make_mutant.js NAME OUT_DIR | --list (names: ' + Object.keys(MUTANTS).join(', ') + ')');
    return 2;
  }
  const original = path.join(__dirname, '..', '..', '..', 'engines', 'duktape', 'promise.js');
  let source = fs.readFileSync(original, 'utf8');
  for (const patch of mutant.patches) source = applyPatch(source, name, patch);
  const out = path.resolve(outDir);
  fs.mkdirSync(out, { recursive: true });
  const promiseFile = path.join(out, `promise-${name}.js`);
  fs.writeFileSync(promiseFile, source);
  const profile = {
    name: `duktape-${name}`,
    description: `settle's Duktape Promise, mutant ${name}: ${mutant.broken}`,
    adapter: 'duktape',
    promise: promiseFile,
  };
  fs.writeFileSync(path.join(out, `duktape-${name}.json`), JSON.stringify(profile, null, 2) + '\n');
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`make_mutant.js: ${error.message}`);
  process.exitCode = 1;
}
