/*---
description: raw - one run, #default, source unmodified and no harness loaded - passes
flags: [raw]
---*/
if (typeof assert !== 'undefined' || typeof Test262Error !== 'undefined') {
  throw new Error('a raw test must run without the harness');
}
