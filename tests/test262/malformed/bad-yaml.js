// A front matter that is not YAML: the load error names this file, the line and the column.
/*---
description: an unclosed [list
flags: [onlyStrict
---*/
