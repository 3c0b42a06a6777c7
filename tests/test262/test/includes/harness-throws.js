/*---
description: includes - a harness file that throws as it loads - fails, naming the file
includes: [throws-on-load.js]
---*/
assert.sameValue(1, 1);
