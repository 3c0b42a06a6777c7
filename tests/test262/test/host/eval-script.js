/*---
description: $262.evalScript runs a Script in this realm; a parse error is this realm's SyntaxError - passes
---*/
$262.evalScript('var fromEvalScript = 7;');
assert.sameValue(fromEvalScript, 7);
assert.throws(SyntaxError, function () {
  $262.evalScript('var a b;');
});
