/*---
description: script, async - import() of a specifier that leaves the test's folder rejects, never a file read - passes
flags: [async]
features: [dynamic-import]
---*/
var specifiers = ['../flags/module-code_FIXTURE.js', '/etc/passwd', './no-such_FIXTURE.js'];
var rejected = 0;
Promise.all(specifiers.map(function (specifier) {
  return import(specifier).then(function () {
    throw new Test262Error('import(' + specifier + ') loaded a module');
  }, function () { rejected++; });
})).then(function () {
  assert.sameValue(rejected, specifiers.length);
}).then($DONE, $DONE);
