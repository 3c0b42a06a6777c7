/*---
description: script, async - import() of a fixture from a script - passes where modules run
flags: [async]
features: [dynamic-import]
---*/
import('./dynamic-import_FIXTURE.js').then(function (namespace) {
  assert.sameValue(namespace.doubled, 4);
}).then($DONE, $DONE);
