/*---
description: "raw: the file runs unmodified, without the harness"
flags: [raw]
---*/
"use strict";
