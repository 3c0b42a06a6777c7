/*---
description: $262.global is the global object - passes
---*/
assert.sameValue($262.global, this);
