/*---
description: module - top-level await of a rejected promise - the module's evaluation rejects, so it fails
flags: [module]
features: [top-level-await]
---*/
await Promise.reject(new Test262Error('rejected at the top level'));
