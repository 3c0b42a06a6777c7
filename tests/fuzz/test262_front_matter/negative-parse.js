/*---
description: a negative test whose code must not parse
negative:
  phase: parse
  type: SyntaxError
flags:
  - onlyStrict
---*/

$DONOTEVALUATE();
var await = 1;
