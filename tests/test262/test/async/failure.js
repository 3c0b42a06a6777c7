/*---
description: async - $DONE(error) prints Test262:AsyncTestFailure - fails with the error
flags: [async]
---*/
Promise.reject(new Test262Error('rejected on purpose')).then(function () {
  $DONE();
}, $DONE);
