/*---
description: negative runtime ReferenceError - throws a TypeError instead - fails
negative:
  phase: runtime
  type: ReferenceError
---*/
null.property;
