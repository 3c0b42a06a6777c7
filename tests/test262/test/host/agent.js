/*---
description: $262.agent - no engine settle hosts gives it - skipped
---*/
$262.agent.start('');
