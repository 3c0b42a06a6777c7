/*---
description: negative runtime ReferenceError - an unresolvable reference - passes
negative:
  phase: runtime
  type: ReferenceError
---*/
unresolvableName;
