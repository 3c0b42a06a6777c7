/*---
description: negative parse SyntaxError - the source does not parse - passes
negative:
  phase: parse
  type: SyntaxError
---*/
$DONOTEVALUATE();
var a b;
