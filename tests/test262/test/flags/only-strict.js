/*---
description: onlyStrict - one run, #strict, in strict mode - passes
flags: [onlyStrict]
---*/
assert.sameValue((function () { return this; })(), undefined, 'strict functions get this undefined');
