// A deliberately misbehaving engine for settle's fault-handling tests. It speaks settle's line
// protocol (engines/process/protocol.h) and answers every case with `returns 1`, except cases whose
// code contains one of these words:
//   CRASH    the process kills itself with SIGSEGV
//   EXIT     the process exits with status 7
//   GARBAGE  the process prints lines that are not replies, then a reply with the wrong nonce,
//            then stops answering (the case times out)
//   BADJSON  the process answers with the right nonce and text that is not JSON
//   SILENT   the process never answers
'use strict';
const readline = require('readline');
let nonce = '';
const send = (line) => process.stdout.write(line + '\n');
const reply = (message) => send(nonce + ' ' + JSON.stringify(message));

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const request = JSON.parse(line);
  if (request.type === 'setup') {
    nonce = request.nonce;
    reply({ type: 'ready', version: 'misbehaving 1', features: {} });
    return;
  }
  const code = request.code;
  if (code.includes('CRASH')) process.kill(process.pid, 'SIGSEGV');
  if (code.includes('EXIT')) process.exit(7);
  if (code.includes('GARBAGE')) {
    for (let i = 0; i < 1000; i++) send('\u0000\u0007 garbage ' + i + ' {"type":"result"}');
    send('settle-000000000000000000000000 {"type":"result","report":{"state":"returns","value":2}}');
    return;
  }
  if (code.includes('BADJSON')) {
    send(nonce + ' {not json');
    return;
  }
  if (code.includes('SILENT')) return;
  reply({ type: 'result', parse_error: false, report: { state: 'returns', value: 1, log: [], globals: {}, uncaught: [] } });
});
