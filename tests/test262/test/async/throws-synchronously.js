/*---
description: async - the script throws before any job runs - fails
flags: [async]
---*/
throw new Test262Error('thrown before $DONE');
