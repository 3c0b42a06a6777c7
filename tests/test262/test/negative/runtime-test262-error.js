/*---
description: negative runtime Test262Error - the type is the thrown object's constructor name - passes
negative:
  phase: runtime
  type: Test262Error
---*/
throw new Test262Error('expected');
