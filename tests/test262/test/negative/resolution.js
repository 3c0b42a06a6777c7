/*---
description: negative resolution - a binding the imported module does not export - passes where modules run
negative:
  phase: resolution
  type: SyntaxError
flags: [module]
---*/
$DONOTEVALUATE();
export { missing } from './resolution_FIXTURE.js';
