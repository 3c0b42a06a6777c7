/*---
description: >
  async - a rejection nobody handles is no uncaught exception (INTERPRETING.md counts only those)
  - passes
flags: [async]
---*/
Promise.reject(new Error('left unhandled'));
Promise.resolve().then($DONE, $DONE);
