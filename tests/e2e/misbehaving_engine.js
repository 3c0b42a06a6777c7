// A deliberately misbehaving engine for settle's fault-handling tests. It speaks settle's line
// protocol (engines/process/protocol.h) and answers every case with `returns 1`, except cases whose
// code contains one of these words:
//   CRASH    the process kills itself with SIGSEGV
//   EXIT     the process exits with status 7
//   GARBAGE  the process prints lines that are not replies, then a reply with the wrong nonce,
//            then stops answering (the case times out)
//   BADJSON  the process answers with the right nonce and text that is not JSON
//   SILENT   the process never answers
//   FLOOD    the process prints 1 MiB lines that are not replies, without end
//   FLOODLINE  the process prints one line without end
//   FLOODERR the process writes 256 MiB to stderr, then answers
//   DUPKEY   the process answers rejected, then repeats the key as fulfilled 2 (a forged result)
//   TRAILING the process answers rejected, then a second JSON value on the same line
'use strict';
const readline = require('readline');
let nonce = '';
const send = (line) => process.stdout.write(line + '\n');
const reply = (message) => send(nonce + ' ' + JSON.stringify(message));
// Writes all of a buffer now, whatever node buffers for its streams (a pipe may be non-blocking).
const writeAll = (fd, buffer) => {
  for (let done = 0; done < buffer.length;) {
    try {
      done += require('fs').writeSync(fd, buffer, done);
    } catch (error) {
      if (error.code !== 'EAGAIN') throw error;
    }
  }
};

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
  if (code.includes('DUPKEY')) {
    send(nonce + ' {"type":"result","report":{"state":"rejected","value":1,"log":[],' +
      '"state":"fulfilled","value":2}}');
    return;
  }
  if (code.includes('TRAILING')) {
    send(nonce + ' {"type":"result","report":{"state":"rejected","value":1}}' +
      '{"type":"result","report":{"state":"fulfilled","value":2}}');
    return;
  }
  if (code.includes('SILENT')) return;
  if (code.includes('FLOODLINE')) {
    const chunk = Buffer.alloc(1 << 20, 'y');
    for (;;) writeAll(1, chunk);
  }
  if (code.includes('FLOODERR')) {
    const line = Buffer.alloc(1 << 20, 'e');
    line[line.length - 1] = 10;
    for (let i = 0; i < 256; i++) writeAll(2, line);
  } else if (code.includes('FLOOD')) {
    const line = Buffer.alloc(1 << 20, 'x');
    line[line.length - 1] = 10;
    for (;;) writeAll(1, line);
  }
  reply({ type: 'result', parse_error: false, report: { state: 'returns', value: 1, log: [], globals: {}, uncaught: [] } });
});
