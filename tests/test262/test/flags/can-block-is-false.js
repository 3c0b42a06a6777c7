/*---
description: CanBlockIsFalse - skipped, since settle's engines run tests in an agent that can block
flags: [CanBlockIsFalse]
---*/
throw new Test262Error('must not run');
