/*---
description: the negative phase is not one INTERPRETING.md knows
negative:
  phase: compile
  type: SyntaxError
---*/
