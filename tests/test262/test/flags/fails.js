/*---
description: an assertion fails - both runs fail with the Test262Error's message
---*/
assert.sameValue(1, 2, 'one is not two');
