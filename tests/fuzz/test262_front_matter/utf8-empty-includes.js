/*---
description: été €
flags: [noStrict]
includes:
---*/
var x = 1;
