/*---
description: includes - a listed harness file is loaded after assert.js and sta.js - passes
includes: [counter.js]
---*/
assert.sameValue(nextCount(), 1);
assert.sameValue(nextCount(), 2);
