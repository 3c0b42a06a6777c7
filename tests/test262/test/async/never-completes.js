/*---
description: async - a job loop that never ends - times out
flags: [async]
---*/
function again() {
  Promise.resolve().then(again);
}
again();
