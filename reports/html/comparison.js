// The filter box of settle's HTML report (reports/html_reporter.cc); inlined into the page.
// Every word typed must occur in a row's id, description or statuses. The page's address may
// preset it: page.html#filter=finally%20fail&disagreements
(function () {
  'use strict';
  var filter = document.getElementById('filter');
  var only = document.getElementById('only-disagreements');
  var shown = document.getElementById('shown');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#matrix tbody tr'));

  function apply() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(function (word) {
      return word.length > 0;
    });
    var count = 0;
    rows.forEach(function (row) {
      var text = row.getAttribute('data-search');
      var visible = words.every(function (word) { return text.indexOf(word) >= 0; }) &&
          (!only.checked || row.classList.contains('disagree'));
      row.hidden = !visible;
      if (visible) count++;
    });
    shown.textContent = count + ' of ' + rows.length + ' cases shown';
  }

  // An area's link in the rollup (#filter=finally/) changes the hash: the matrix follows it.
  function fromHash() {
    var preset = /(?:^#|&)filter=([^&]*)/.exec(location.hash);
    if (preset) filter.value = decodeURIComponent(preset[1]);
    if (/(?:^#|&)disagreements(?:&|$)/.test(location.hash)) only.checked = true;
  }
  fromHash();
  window.addEventListener('hashchange', function () {
    fromHash();
    apply();
    document.getElementById('matrix').scrollIntoView();
  });
  filter.addEventListener('input', apply);
  only.addEventListener('change', apply);
  apply();
})();
