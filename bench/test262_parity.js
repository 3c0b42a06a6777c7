// Compares, run by run, test262-harness's JSON output (--reporter=json with the keys file,
// scenario and result) with a settle JSON report of the same tests. Prints the counts of each
// pair of verdicts and every run where they differ. Usage:
//   node bench/test262_parity.js HARNESS.json SETTLE.json TEST262_ROOT [DIFFERING_LIST]
// With DIFFERING_LIST, the test files whose verdicts differ (pass or fail) are written there.
// run from the folder test262-harness ran in (its file names are relative to it).
'use strict';
const fs = require('fs');
const path = require('path');

const [harnessFile, settleFile, root, differingList] = process.argv.slice(2);
if (!root) {
  console.error('usage: node test262_parity.js HARNESS.json SETTLE.json TEST262_ROOT');
  process.exit(2);
}
const harness = new Map();
for (const run of JSON.parse(fs.readFileSync(harnessFile, 'utf8'))) {
  // File names are relative to the folder test262-harness ran in.
  const file = path.relative(root, path.resolve(run.file)).split(path.sep).join('/');
  const id = file + '#' + run.scenario.replace(' mode', '');
  harness.set(id, { status: run.result.pass ? 'pass' : 'fail', message: String(run.result.message || '') });
}
const settle = new Map();
for (const run of JSON.parse(fs.readFileSync(settleFile, 'utf8')).results) {
  settle.set(run.id, { status: run.status, message: run.message });
}

const pairs = new Map();
const differences = [];
for (const id of [...new Set([...harness.keys(), ...settle.keys()])].sort()) {
  const h = harness.get(id) || { status: 'absent', message: '' };
  const s = settle.get(id) || { status: 'absent', message: '' };
  const pair = 'test262-harness ' + h.status + ', settle ' + s.status;
  pairs.set(pair, (pairs.get(pair) || 0) + 1);
  if (h.status !== s.status) differences.push({ id, pair, harness: h.message, settle: s.message });
}
console.log(`runs: test262-harness ${harness.size}, settle ${settle.size}`);
for (const [pair, count] of [...pairs].sort((a, b) => b[1] - a[1])) console.log(`  ${String(count).padStart(5)}  ${pair}`);
const firstLine = (text) => text.split('\n').find((line) => line.trim()) || '';
// test262-harness has no skip: it runs a test whatever the engine lacks. Those runs are counted
// by settle's reason, not listed one by one.
const skipReasons = new Map();
for (const difference of differences.filter((d) => settle.get(d.id) && settle.get(d.id).status === 'skip')) {
  skipReasons.set(difference.settle, (skipReasons.get(difference.settle) || 0) + 1);
}
if (skipReasons.size) console.log('settle skipped, test262-harness ran:');
for (const [reason, count] of skipReasons) console.log(`  ${String(count).padStart(5)}  ${reason}`);
console.log('verdicts that differ:');
for (const difference of differences.filter((d) => !(settle.get(d.id) && settle.get(d.id).status === 'skip'))) {
  console.log(`${difference.id}: ${difference.pair}`);
  if (difference.harness) console.log(`    test262-harness: ${firstLine(difference.harness).slice(0, 160)}`);
  if (difference.settle) console.log(`    settle: ${firstLine(difference.settle).slice(0, 160)}`);
}
if (differingList) {
  const files = new Set(differences.filter((d) => d.pair.includes('settle pass') || d.pair.includes('settle fail'))
    .map((d) => path.join(root, d.id.replace(/#.*$/, ''))));
  fs.writeFileSync(differingList, [...files].join('\n') + (files.size ? '\n' : ''));
}
