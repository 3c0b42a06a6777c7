/*---
description: noStrict - one run, #default, in sloppy mode - passes
flags: [noStrict]
---*/
assert.sameValue(typeof (function () { return this; })(), 'object', 'sloppy functions get the global');
