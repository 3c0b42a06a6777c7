/*---
description: module, async - top-level await of a timer's promise, then $DONE - passes
flags: [module, async]
features: [top-level-await]
---*/
var value = await new Promise(function (resolve) { setTimeout(function () { resolve(3); }, 10); });
assert.sameValue(value, 3);
$DONE();
