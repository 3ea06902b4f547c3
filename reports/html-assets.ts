// The report's inline style and script: no network, no CDN. The script reads each chart's data
// from a JSON island and builds the state panel with textContent only, so nothing a trace
// contains is ever parsed as HTML.

export const REPORT_CSS = `
:root { --ink: #111; --muted: #666; --rule: #bbb; --red: #b00020; --blue: #1f4e9c; --sel: #fff6c8; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); margin: 0; padding: 0 24px 48px; background: #fff; }
header.top { border-bottom: 2px solid var(--ink); padding: 16px 0 8px; margin-bottom: 16px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 6px; border-bottom: 1px solid var(--rule); }
h3 { font-size: 15px; margin: 16px 0 6px; } h4 { margin: 0 0 4px; font-size: 14px; } h5 { margin: 10px 0 4px; font-size: 13px; }
nav a { margin-right: 12px; } .muted { color: var(--muted); } code, .mono { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
table.props { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
table.props th, table.props td { border: 1px solid #ddd; padding: 4px 6px; text-align: left; vertical-align: top; }
table.props th { background: #f4f4f4; }
.v-pass, .v-reached, .v-holds, .v-certified { color: #116611; font-weight: 600; }
.v-counterexample, .v-error { color: var(--red); font-weight: 700; }
.v-inconclusive, .v-unreached { color: #9a5b00; font-weight: 700; } .v-not-applicable { color: var(--muted); }
details.cx { border: 1px solid #ddd; border-radius: 6px; margin: 10px 0; padding: 6px 10px; }
details.cx > summary { cursor: pointer; font-weight: 600; }
.chart { display: flex; gap: 14px; align-items: flex-start; margin-top: 8px; }
.chart-scroll { overflow: auto; max-height: 80vh; border: 1px solid #ccc; background: #fff; flex: 0 1 auto; }
.state-panel { flex: 1 0 320px; max-width: 460px; max-height: 80vh; overflow: auto; border: 1px solid #ccc; padding: 8px 10px; font-size: 12px; background: #fcfcfc; }
.state-panel .changed { background: var(--sel); font-weight: 600; }
.state-panel .tree div { font-family: ui-monospace, "DejaVu Sans Mono", monospace; white-space: pre; }
.state-panel .violation, .sentence { color: var(--red); }
.keys { font-size: 12px; color: var(--muted); margin: 4px 0; }
svg.timechart { display: block; font-family: "DejaVu Sans", Arial, sans-serif; background: #fff; }
svg .group rect { fill: none; stroke: #999; stroke-dasharray: 3 3; } svg .group-name { font-size: 11px; fill: var(--muted); font-weight: 600; }
svg .actor rect { fill: #fff; stroke: var(--ink); stroke-width: 1.2; }
svg .actor-name { font-size: 12px; font-weight: 700; } svg .actor-detail { font-size: 9.5px; fill: #444; }
svg .time-axis { font-size: 12px; fill: var(--muted); } svg .head-rule { stroke: var(--ink); }
svg .band { fill: transparent; cursor: pointer; } svg .step:nth-of-type(even) .band { fill: #fafafa; }
svg .step.broken .band { fill: #fdecee; } svg .step.failing .band { fill: #f9d3d8; stroke: var(--red); stroke-width: 1.5; }
svg .step.selected .band { fill: var(--sel); stroke: #c9a200; stroke-width: 3; } svg .step.selected.broken .band { fill: #f9d3d8; } svg .step.selected.failing .band { fill: #f5bcc4; stroke: #c9a200; }
svg .life { stroke: #222; stroke-width: 1.3; } svg .life.off { stroke: #bbb; stroke-dasharray: 2 4; } svg .life.down { stroke: var(--red); stroke-dasharray: 6 3; }
svg .step-no { font-size: 12px; font-weight: 700; } svg .step-label { font-size: 11px; fill: #333; }
svg .label { font-size: 11px; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; fill: var(--ink); }
svg .msg line { stroke: var(--ink); stroke-width: 1.4; }
svg .ah path { fill: var(--ink); } svg .ah.red path { fill: var(--red); } svg .ah.blue path { fill: var(--blue); }
svg .m-sci line { stroke: var(--blue); stroke-width: 1.8; } svg .m-gpe line, svg .m-reply line { stroke: var(--blue); stroke-dasharray: 5 3; }
svg .m-power line { stroke-width: 2.2; } svg .m-dma line { stroke: #7a4a00; stroke-dasharray: 8 3; } svg .m-disk line { stroke: #7a4a00; }
svg .m-eject line { stroke: #116611; stroke-dasharray: 4 3; }
svg .note rect { fill: #fff; stroke: #555; } svg .m-table rect { fill: #eef3ff; stroke: var(--blue); }
svg .m-fault rect, svg .faulty rect { fill: #ffe9e9; stroke: var(--red); } svg .faulty .label, svg .alarm .label, svg .blocked .label { fill: var(--red); }
svg .alarm line, svg .blocked line, svg .faulty line { stroke: var(--red); }
svg .cross { stroke: var(--red); stroke-width: 2.2; }
svg .m-time line { stroke: #888; stroke-dasharray: 1 4; stroke-width: 1.5; } svg .label.time { fill: var(--muted); font-style: italic; }
svg .violation { fill: var(--red); font-weight: 700; } svg .violation.still { font-weight: 400; font-style: italic; }
svg .lasso path { fill: none; stroke: var(--red); stroke-width: 2; } svg .lasso-text { fill: var(--red); font-weight: 700; }
`;

export const REPORT_SCRIPT = `
(function () {
  'use strict';
  var charts = Array.prototype.slice.call(document.querySelectorAll('.chart'));
  var current = charts.length > 0 ? charts[0] : null;
  function data(chart) {
    if (!chart.__data) chart.__data = JSON.parse(chart.querySelector('script.chart-data').textContent);
    return chart.__data;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function isChanged(path, changed) {
    for (var i = 0; i < changed.length; i++) {
      var c = changed[i];
      if (path === c || path.indexOf(c + '.') === 0 || path.indexOf(c + '[') === 0) return true;
    }
    return false;
  }
  function tree(value, path, depth, changed, out) {
    var keys = Object.keys(value);
    for (var k = 0; k < keys.length; k++) {
      var key = keys[k], v = value[key];
      var p = Array.isArray(value) ? path + '[' + key + ']' : (path === '' ? key : path + '.' + key);
      var pad = new Array(depth + 1).join('  ');
      var nested = v !== null && typeof v === 'object' && !(Array.isArray(v) && v.every(function (x) { return x === null || typeof x !== 'object'; }));
      var line = el('div', isChanged(p, changed) ? 'changed' : null, pad + (Array.isArray(value) ? '[' + key + ']' : key) + (nested ? '' : ': ' + (v === null ? '-' : typeof v === 'object' ? JSON.stringify(v) : String(v))));
      out.appendChild(line);
      if (nested) tree(v, p, depth + 1, changed, out);
    }
  }
  function select(chart, i) {
    var d = data(chart);
    var last = d.steps[d.steps.length - 1].index;
    var pos = 0;
    for (var k = 0; k < d.steps.length; k++) if (d.steps[k].index <= i) pos = k;
    var s = d.steps[Math.max(0, Math.min(d.steps.length - 1, pos))];
    chart.setAttribute('data-selected', String(s.index));
    var groups = chart.querySelectorAll('g.step');
    for (var g = 0; g < groups.length; g++) groups[g].classList.toggle('selected', groups[g].getAttribute('data-step') === String(s.index));
    var panel = chart.querySelector('.state-panel');
    while (panel.firstChild) panel.removeChild(panel.firstChild);
    panel.appendChild(el('h4', null, s.index === 0 ? 'Initial state' : 'After step ' + s.index + ' of ' + last));
    panel.appendChild(el('p', 'step-text mono', s.label));
    for (var v = 0; v < s.violations.length; v++) {
      var x = s.violations[v];
      panel.appendChild(el('p', 'violation', '✗ ' + x.id + (x.on === 'emulator' ? ' (emulator)' : '') + ': ' + x.sentence + ' — ' + x.why));
    }
    panel.appendChild(el('h5', null, 'What changed'));
    var list = el('ul', 'changes mono');
    if (s.changes.length === 0) list.appendChild(el('li', 'muted', s.index === 0 ? 'the initial state' : 'nothing'));
    for (var c = 0; c < s.changes.length; c++) list.appendChild(el('li', null, s.changes[c]));
    panel.appendChild(list);
    panel.appendChild(el('h5', null, 'State'));
    var t = el('div', 'tree');
    tree(s.state, '', 0, s.changes.map(function (c) { return c.slice(0, c.indexOf(': ')); }), t);
    panel.appendChild(t);
    var band = chart.querySelector('g.step[data-step="' + s.index + '"]');
    if (band && band.scrollIntoView) band.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
  function step(chart, delta) {
    var d = data(chart);
    var indices = d.steps.map(function (s) { return s.index; });
    var at = indices.indexOf(Number(chart.getAttribute('data-selected')));
    var next = Math.max(0, Math.min(indices.length - 1, at + delta));
    select(chart, indices[next]);
  }
  charts.forEach(function (chart) {
    select(chart, Number(chart.getAttribute('data-initial')));
    chart.addEventListener('click', function (e) {
      current = chart;
      var g = e.target && e.target.closest ? e.target.closest('g.step') : null;
      if (g) select(chart, Number(g.getAttribute('data-step')));
    });
  });
  document.addEventListener('keydown', function (e) {
    if (!current || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowRight') { step(current, 1); e.preventDefault(); }
    if (e.key === 'ArrowLeft') { step(current, -1); e.preventDefault(); }
  });
})();
`;
