/*---
description: $262.createRealm - skipped on duktape; on node another realm with its own intrinsics - passes
---*/
var other = $262.createRealm();
assert.sameValue(typeof other.global.Promise, 'function');
assert(other.global.Promise !== Promise, 'each realm has its own Promise');
assert.sameValue(other.evalScript('1 + 1'), 2);
