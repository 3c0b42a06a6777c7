/*---
description: features - arrow-function; skipped where the engine lacks it (duktape), passes on node
features: [arrow-function]
---*/
var add = (a, b) => a + b;
assert.sameValue(add(1, 2), 3);
