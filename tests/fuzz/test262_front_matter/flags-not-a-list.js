/*---
flags: raw
features: [a, "", b]
---*/
