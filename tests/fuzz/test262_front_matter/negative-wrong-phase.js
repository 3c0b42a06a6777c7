/*---
negative:
  phase: early
  type: SyntaxError
---*/
