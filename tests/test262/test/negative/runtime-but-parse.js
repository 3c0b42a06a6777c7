/*---
description: negative runtime SyntaxError - the source does not parse at all - fails (wrong phase)
negative:
  phase: runtime
  type: SyntaxError
---*/
var a b;
