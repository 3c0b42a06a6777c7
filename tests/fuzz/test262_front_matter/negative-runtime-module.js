/*--- esid: sec-moduleevaluation
negative: {phase: runtime, type: TypeError}
flags: [module, CanBlockIsFalse]
features: []
author: someone
es5id: 1.2.3
---*/
throw new TypeError();
