// Compares, run by run, test262-harness's JSON output (--reporter=json with the keys file,
// scenario and result) with a settle JSON report of the same tests, and prints the agreements and
// the differences by reason. Usage:
//   node bench/test262_parity.js HARNESS.json SETTLE.json TEST262_ROOT [DIFFERING_LIST [RERUN.json]]
// With DIFFERING_LIST, the test files whose verdicts differ (pass or fail) are written there.
// RERUN.json is test262-harness's output for those files, run again with node's
// --unhandled-rejections=none: a run that then agrees differed only by node's exit on an unhandled
// rejection. File names are relative to the folder test262-harness ran in.
'use strict';
const fs = require('fs');
const path = require('path');

const [harnessFile, settleFile, root, differingList, rerunFile] = process.argv.slice(2);
if (!root) {
  console.error('usage: node test262_parity.js HARNESS.json SETTLE.json TEST262_ROOT [DIFFERING_LIST [RERUN.json]]');
  process.exit(2);
}

function harnessRuns(file) {
  const runs = new Map();
  for (const run of JSON.parse(fs.readFileSync(file, 'utf8'))) {
    const relative = path.relative(root, path.resolve(run.file)).split(path.sep).join('/');
    const id = relative + '#' + run.scenario.replace(' mode', '');
    runs.set(id, { status: run.result.pass ? 'pass' : 'fail', message: String(run.result.message || '') });
  }
  return runs;
}

const settle = new Map();
for (const run of JSON.parse(fs.readFileSync(settleFile, 'utf8')).results) {
  settle.set(run.id, { status: run.status, message: run.message });
}
// Module code runs once (INTERPRETING.md): settle names that run #default, test262-harness
// "strict mode". The same run, under settle's name.
function settleNames(runs) {
  for (const [id, run] of [...runs]) {
    const other = id.replace(/#strict$/, '#default');
    if (other !== id && !settle.has(id) && settle.has(other) && !runs.has(other)) {
      runs.delete(id);
      runs.set(other, run);
    }
  }
  return runs;
}
const harness = settleNames(harnessRuns(harnessFile));
const rerun = settleNames(rerunFile && fs.existsSync(rerunFile) ? harnessRuns(rerunFile) : new Map());
const moduleTests = new Map();
function isModuleCode(id) {
  const file = id.replace(/#.*$/, '');
  if (!moduleTests.has(file)) {
    const text = fs.existsSync(path.join(root, file)) ? fs.readFileSync(path.join(root, file), 'utf8') : '';
    const frontMatter = (/\/\*---([\s\S]*?)---\*\//.exec(text) || ['', ''])[1];
    moduleTests.set(file, /^\s*flags:.*\bmodule\b/m.test(frontMatter));
  }
  return moduleTests.get(file);
}

const firstLine = (text) => text.split('\n').find((line) => line.trim()) || '';
const pairs = new Map();
const reasons = new Map();  // reason -> count
const differences = [];
const count = (map, key) => map.set(key, (map.get(key) || 0) + 1);
for (const id of [...new Set([...harness.keys(), ...settle.keys()])].sort()) {
  const h = harness.get(id) || { status: 'absent', message: '' };
  const s = settle.get(id) || { status: 'absent', message: '' };
  count(pairs, 'test262-harness ' + h.status + ', settle ' + s.status);
  if (s.status === 'absent' && isModuleCode(id) && settle.has(id.replace(/#strict$/, '#default'))) {
    count(reasons, 'test262-harness runs module code a second time, in its strict scenario (INTERPRETING.md: once)');
  } else if (h.status === s.status) {
    count(reasons, 'agree: ' + s.status);
  } else if (s.status === 'skip') {
    // test262-harness has no skip: it runs a test whatever the engine lacks.
    count(reasons, 'settle skips (' + s.message + '), test262-harness runs it: ' + h.status);
  } else if (h.status === 'fail' && isModuleCode(id)) {
    // eshost's node agent writes module code to a .js file and runs it in a vm script, where
    // import, export and top-level await do not parse.
    count(reasons, 'test262-harness 10 runs module code as a script on node: settle ' + s.status);
  } else if (h.status === 'fail' && (/A dynamic import callback was not specified/.test(h.message) ||
                                      (s.status === 'pass' && /\/dynamic-import\//.test(id)))) {
    // import() in its vm scripts rejects with that TypeError: a test that catches it sees the
    // wrong error or no value.
    count(reasons, "test262-harness 10's node host gives its vm scripts no import() callback: settle " + s.status);
  } else if (rerun.has(id) && rerun.get(id).status === s.status) {
    count(reasons, "node's exit on an unhandled rejection (test262-harness agrees with --unhandled-rejections=none)");
  } else {
    count(reasons, 'differ, listed below');
    differences.push({ id, pair: 'test262-harness ' + h.status + ', settle ' + s.status, harness: h.message, settle: s.message });
  }
}
console.log(`runs: test262-harness ${harness.size}, settle ${settle.size}`);
for (const [pair, n] of [...pairs].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${pair}`);
console.log('by reason:');
for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${reason}`);
if (differences.length) console.log('verdicts that differ:');
for (const difference of differences) {
  console.log(`${difference.id}: ${difference.pair}`);
  if (difference.harness) console.log(`    test262-harness: ${firstLine(difference.harness).slice(0, 160)}`);
  if (difference.settle) console.log(`    settle: ${firstLine(difference.settle).slice(0, 160)}`);
}
if (differingList) {
  const files = new Set(differences.filter((d) => /settle (pass|fail)$/.test(d.pair))
    .map((d) => path.join(root, d.id.replace(/#.*$/, ''))));
  fs.writeFileSync(differingList, [...files].join('\n') + (files.size ? '\n' : ''));
}
