/*---
description: negative resolution - a module test - skipped
negative:
  phase: resolution
  type: SyntaxError
flags: [module]
---*/
$DONOTEVALUATE();
export { missing } from './resolution_FIXTURE.js';
