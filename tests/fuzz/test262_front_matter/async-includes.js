// Copyright (C) 2026 settle authors. Written for settle's fuzz corpus.
/*---
esid: sec-promise.prototype.finally
description: >
  finally's callback return value does not change the fulfillment value
  (a folded scalar over two lines)
info: |
  Promise.prototype.finally ( onFinally )

  1. Let promise be the this value.
includes: [promiseHelper.js, compareArray.js]
flags: [async]
features: [Promise.prototype.finally, Symbol.species]
---*/

Promise.resolve(2).finally(function() { return 77; }).then(function(value) {
  assert.sameValue(value, 2);
}).then($DONE, $DONE);
