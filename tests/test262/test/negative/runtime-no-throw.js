/*---
description: negative runtime TypeError - runs to completion - fails
negative:
  phase: runtime
  type: TypeError
---*/
var fine = 1;
