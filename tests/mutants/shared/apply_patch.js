'use strict';
// One anchored text patch, as both make_mutant.js apply them: `anchor` (a function header) must
// occur exactly once in `text`; the nth (default first) `find` after it becomes `replace`. A patch
// that does not apply throws, naming the mutant, so that a moved source is noticed.
function applyPatch(text, name, patch) {
  const first = text.indexOf(patch.anchor);
  if (first < 0) throw new Error(`${name}: anchor not found: ${patch.anchor}`);
  if (text.indexOf(patch.anchor, first + 1) >= 0) {
    throw new Error(`${name}: anchor occurs more than once: ${patch.anchor}`);
  }
  let at = first - 1;
  for (let n = 0; n < (patch.nth || 1); n++) {
    at = text.indexOf(patch.find, at + 1);
    if (at < 0) throw new Error(`${name}: not found (${n + 1} of ${patch.nth || 1}) after the anchor: ${patch.find}`);
  }
  return text.slice(0, at) + patch.replace + text.slice(at + patch.find.length);
}

module.exports = { applyPatch };
