/*---
description: CanBlockIsTrue - runs, in both modes, and passes
flags: [CanBlockIsTrue]
---*/
assert.sameValue(true, true);
