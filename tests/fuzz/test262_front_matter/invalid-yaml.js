/*---
description: [unclosed
---*/
