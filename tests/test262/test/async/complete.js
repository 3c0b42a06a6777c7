/*---
description: async - $DONE() after a promise job prints Test262:AsyncTestComplete - passes
flags: [async]
---*/
Promise.resolve(5).then(function (value) {
  assert.sameValue(value, 5);
}).then($DONE, $DONE);
