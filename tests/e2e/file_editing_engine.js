// A process engine for the corpus's end-to-end test: on its first case it edits one case file of
// the run and removes another, as a user might while a run goes on. It speaks settle's line
// protocol (engines/process/protocol.h) and answers every case with its code, as a string.
'use strict';
const fs = require('fs');
const readline = require('readline');
let nonce = '';
let edited = false;
const reply = (message) => process.stdout.write(nonce + ' ' + JSON.stringify(message) + '\n');

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const request = JSON.parse(line);
  if (request.type === 'setup') {
    nonce = request.nonce;
    reply({ type: 'ready', version: 'file-editing 1', features: {} });
    return;
  }
  if (!edited) {
    edited = true;
    fs.writeFileSync('cases/y-edited.json', '{"cases": [{"id": "y", "code": "EDITED"');
    fs.unlinkSync('cases/z-removed.json');
  }
  reply({ type: 'result', parse_error: false,
          report: { state: 'returns', value: request.code, log: [], globals: {}, uncaught: [] } });
});
