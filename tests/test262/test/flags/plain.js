/*---
description: no flags - two runs, default and strict, both pass
---*/
assert.sameValue(1 + 1, 2);
