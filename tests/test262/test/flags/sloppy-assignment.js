/*---
description: >
  no flags - the default run passes; the strict run has "use strict" put before the source, so the
  assignment to an undeclared name throws a ReferenceError and it fails
---*/
undeclaredName = 1;
assert.sameValue(undeclaredName, 1);
