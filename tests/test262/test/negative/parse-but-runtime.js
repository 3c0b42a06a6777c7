/*---
description: >
  negative parse SyntaxError - the source parses, then throws a SyntaxError at runtime - fails (the
  phase is wrong)
negative:
  phase: parse
  type: SyntaxError
---*/
throw new SyntaxError('thrown at runtime');
