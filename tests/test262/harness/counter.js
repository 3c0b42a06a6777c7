// settle's fixture harness: an include that tests list by name.
/*---
defines: [nextCount]
---*/
var counted = 0;
function nextCount() {
  counted += 1;
  return counted;
}
