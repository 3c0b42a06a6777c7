/*---
description: includes as a YAML block list, with the default includes named again - passes
includes:
  - assert.js
  - counter.js
---*/
assert.sameValue(nextCount(), 1);
