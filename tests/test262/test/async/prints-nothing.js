/*---
description: async - everything runs but $DONE is never called - fails
flags: [async]
---*/
Promise.resolve(1).then(function () {});
