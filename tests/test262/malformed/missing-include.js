/*---
description: includes a harness file the checkout does not have
includes: [no-such-file.js]
---*/
