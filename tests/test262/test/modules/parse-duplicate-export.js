/*---
description: negative parse - a module exporting default twice does not parse - passes
negative:
  phase: parse
  type: SyntaxError
flags: [module]
---*/
$DONOTEVALUATE();
export default 1;
export default 2;
