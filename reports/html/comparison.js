// The script of settle's HTML report (reports/html_reporter.cc); inlined into the page.
// 1. Each cell of the matrix opens to what its engine was expected to do and did: the page holds
//    that once, as JSON (#cell-details, a row per matrix row: the expected pattern, the distinct
//    observations of the row, and per engine its observation and duration), and this puts it in.
// 2. The filter box: every word typed must occur in a row's id, description or statuses. The
//    page's address may preset it: page.html#filter=finally%20fail&disagreements
(function () {
  'use strict';
  var filter = document.getElementById('filter');
  var only = document.getElementById('only-disagreements');
  var shown = document.getElementById('shown');
  var rows = Array.prototype.slice.call(document.querySelectorAll('#matrix tbody tr'));
  var details = JSON.parse(document.getElementById('cell-details').textContent);

  function escape(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c];
    });
  }
  function field(label, text) {
    return '<dt>' + label + '</dt><dd><pre>' + escape(text) + '</pre></dd>';
  }
  function pretty(value) { return JSON.stringify(value, null, 2); }

  // The <dl> of a cell: its row's expected pattern, its observation, its duration.
  function opened(expected, o, ms) {
    var out = field('expected', expected);
    if (o.s !== undefined) out += field('observed', o.s === 'pending' ? o.s : o.s + ' ' + pretty(o.v));
    out += field('log', pretty(o.l));
    if (o.g !== undefined) out += field('globals', pretty(o.g));
    if (o.p !== undefined) out += field('printed', o.p);
    if (o.m !== undefined) out += field('message', o.m);
    if (o.k !== undefined) out += field('known failure', o.k);
    return out + field('duration', ms.toFixed(2) + ' ms');
  }

  var search = [];
  rows.forEach(function (row, r) {
    var description = row.querySelector('.desc');
    var text = row.querySelector('.id').textContent + ' ' + (description ? description.textContent : '');
    var data = details[r];
    var expected = pretty(data.x);
    Array.prototype.forEach.call(row.querySelectorAll('td.cell'), function (cell, e) {
      var c = data.c[e];
      if (!c) return;
      var status = cell.textContent;
      text += ' ' + status;
      var known = cell.classList.contains('known') ? ' (known)' : '';
      cell.innerHTML = '<details><summary>' + status + known + '</summary><dl>' +
          opened(expected, data.o[c[0]], c[1]) + '</dl></details>';
    });
    search.push(text.toLowerCase());
  });

  function apply() {
    var words = filter.value.toLowerCase().split(/\s+/).filter(function (word) {
      return word.length > 0;
    });
    var count = 0;
    rows.forEach(function (row, r) {
      var visible = words.every(function (word) { return search[r].indexOf(word) >= 0; }) &&
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
