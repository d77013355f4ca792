// Plimsoll's HTML report: draws the charts from the JSON in #plimsoll-data with uPlot. Text from the
// run reaches the page only as textContent or canvas text, never as markup.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('plimsoll-data').textContent);
  var root = document.documentElement;
  var grid = document.getElementById('chart-grid');
  var themeButton = document.getElementById('theme');
  var LIGHT = ['#0969da', '#bc4c00', '#1a7f37', '#8250df', '#bf3989', '#0598bc', '#9a6700',
    '#6e7781', '#cf222e', '#116329'];
  var DARK = ['#58a6ff', '#ffa657', '#3fb950', '#d2a8ff', '#f778ba', '#39c5cf', '#e3b341',
    '#9198a1', '#ff7b72', '#56d364'];
  var DASH = { p90: [6, 3], max: [2, 3], failed: [6, 3], dropped: [2, 3] };
  var WIDTH = { p99: 2.2, max: 1.2 };
  var HEIGHT = 260;
  var hiddenGroups = {};
  var plots = [];
  var syncing = false;

  function cssVar(name) {
    return getComputedStyle(root).getPropertyValue(name).trim();
  }

  function dark() {
    var chosen = root.getAttribute('data-theme');
    if (chosen === 'dark' || chosen === 'light') {
      return chosen === 'dark';
    }
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  }

  // An operation's lines share its colour; the run's totals (negative indexes) have their own.
  function colour(index) {
    if (index === -1) { return cssVar('--fg'); }
    if (index === -2) { return cssVar('--fail'); }
    if (index === -3) { return cssVar('--warn'); }
    var palette = dark() ? DARK : LIGHT;
    return palette[index % palette.length];
  }

  function number(v) {
    if (v == null || isNaN(v)) { return '–'; }
    var a = Math.abs(v);
    if (a >= 1e9) { return (v / 1e9).toFixed(2) + 'G'; }
    if (a >= 1e6) { return (v / 1e6).toFixed(2) + 'M'; }
    if (a >= 1e4) { return (v / 1e3).toFixed(1) + 'k'; }
    if (a >= 100) { return v.toFixed(0); }
    if (a >= 10) { return v.toFixed(1); }
    if (a >= 1) { return v.toFixed(2); }
    return a === 0 ? '0' : v.toPrecision(3);
  }

  function withUnit(v, unit) {
    return v == null ? '–' : number(v) + (unit ? ' ' + unit : '');
  }

  // The spectrum's x is 1 / (1 - percentile): 10 is 90%, 1000 is 99.9%.
  function percentile(x, digits) {
    var p = 100 * (1 - 1 / x);
    return (p <= 0 ? '0' : p.toFixed(digits).replace(/\.?0+$/, '')) + '%';
  }

  function isPowerOfTen(x) {
    var e = Math.log10(x);
    return Math.abs(e - Math.round(e)) < 1e-9;
  }

  // The run's phases as faint bands under the lines, each workload's labels in a row of their own;
  // changes to the load and an abort as lines over them, labelled at the foot of the plot.
  function markers() {
    var LINE = { change: '--accent', abort: '--fail', edge: '--muted' };
    function px(u, seconds) { return u.valToPos(data.origin + seconds, 'x', true); }
    function label(ctx, text, x, y, left, right) {
      ctx.fillText(text, Math.max(left, Math.min(x, right - ctx.measureText(text).width)), y);
    }
    return {
      hooks: {
        drawClear: function (u) {
          var ctx = u.ctx, b = u.bbox, left = b.left, right = left + b.width;
          var dpr = devicePixelRatio;
          ctx.save();
          ctx.font = (10 * dpr) + 'px system-ui, sans-serif';
          data.markers.forEach(function (m, i) {
            if (m.kind !== 'phase' && m.kind !== 'warm-up') { return; }
            var from = Math.max(left, px(u, m.x)), to = Math.min(right, px(u, m.end));
            if (to <= from) { return; }
            ctx.globalAlpha = m.kind === 'warm-up' ? 0.10 : (i % 2 ? 0.035 : 0.07);
            ctx.fillStyle = cssVar('--muted');
            ctx.fillRect(from, b.top, to - from, b.height);
            ctx.globalAlpha = 1;
            ctx.strokeStyle = cssVar('--line');
            ctx.lineWidth = dpr;
            ctx.beginPath();
            ctx.moveTo(from, b.top);
            ctx.lineTo(from, b.top + b.height);
            ctx.stroke();
          });
          ctx.restore();
        },
        draw: function (u) {
          var ctx = u.ctx, b = u.bbox, left = b.left, right = left + b.width;
          var dpr = devicePixelRatio, n = 0;
          ctx.save();
          // uPlot leaves the last axis's alignment set (right-aligned for a left axis).
          ctx.textAlign = 'left';
          ctx.textBaseline = 'alphabetic';
          // The bands' labels over the lines, each clipped to its band.
          ctx.font = (10 * dpr) + 'px system-ui, sans-serif';
          ctx.fillStyle = cssVar('--muted');
          data.markers.forEach(function (m) {
            if (m.kind !== 'phase' && m.kind !== 'warm-up') { return; }
            var from = Math.max(left, px(u, m.x)), to = Math.min(right, px(u, m.end));
            if (to - from <= 30 * dpr) { return; }
            ctx.save();
            ctx.beginPath();
            ctx.rect(from, b.top, to - from, b.height);
            ctx.clip();
            ctx.fillText(m.label, from + 3 * dpr, b.top + (11 + 12 * m.row) * dpr);
            ctx.restore();
          });
          ctx.font = (11 * dpr) + 'px system-ui, sans-serif';
          data.markers.forEach(function (m) {
            if (!LINE[m.kind]) { return; }
            var x = px(u, m.x);
            if (x < left || x > right) { return; }
            var colour = cssVar(LINE[m.kind]) || cssVar('--muted');
            ctx.strokeStyle = colour;
            ctx.fillStyle = colour;
            ctx.setLineDash(m.kind === 'edge' ? [5, 4] : []);
            ctx.lineWidth = (m.kind === 'edge' ? 1.5 : 2) * dpr;
            ctx.beginPath();
            ctx.moveTo(x, b.top);
            ctx.lineTo(x, b.top + b.height);
            ctx.stroke();
            label(ctx, m.label, x + 4 * dpr, b.top + b.height - (6 + 13 * (n++ % 3)) * dpr, left, right);
          });
          ctx.restore();
        }
      }
    };
  }

  function zoomTogether(u, key) {
    if (key !== 'x' || syncing) { return; }
    syncing = true;
    try {
      plots.forEach(function (p) {
        if (p.plot !== u && p.chart.kind === 'time' && p.plot.scales.x) {
          p.plot.setScale('x', { min: u.scales.x.min, max: u.scales.x.max });
        }
      });
    } finally {
      syncing = false;
    }
  }

  function axis(scale, side, unit, values) {
    var a = {
      scale: scale, side: side, label: unit, stroke: cssVar('--fg'),
      grid: { show: side !== 1, stroke: cssVar('--line'), width: 1 },
      ticks: { stroke: cssVar('--line'), width: 1 }, size: 60
    };
    a.values = values || function (u, splits) { return splits.map(number); };
    return a;
  }

  function options(chart, width) {
    var time = chart.kind === 'time';
    var spectrum = chart.kind === 'spectrum';
    // A scale sweep's x: sizes 1, 2, 4, 8, ... on a log-2 axis.
    var size = chart.kind === 'size';
    var xSeries = { label: time ? 'time' : spectrum ? 'percentile' : size ? 'size' : 'ops/s' };
    if (spectrum) { xSeries.value = function (u, v) { return v == null ? '–' : percentile(v, 4); }; }
    if (chart.kind === 'rate') { xSeries.value = function (u, v) { return withUnit(v, 'ops/s'); }; }
    if (size) { xSeries.value = function (u, v) { return withUnit(v, null); }; }
    var series = [xSeries];
    var usesRight = false;
    chart.series.forEach(function (s) {
      var unit = s.right ? chart.unit2 : chart.unit;
      usesRight = usesRight || s.right;
      series.push({
        label: s.label,
        scale: s.right ? 'y2' : 'y',
        stroke: colour(s.colour),
        width: WIDTH[s.group] || 1.5,
        dash: DASH[s.group],
        show: s.shown && !hiddenGroups[s.group],
        points: { show: !time, size: 4 },
        value: function (u, v) { return withUnit(v, unit); }
      });
    });
    var fromZero = function (u, min, max) {
      if (min == null || max == null) { return [0, 1]; }
      return [Math.min(0, min), max > 0 ? max * 1.05 : 1];
    };
    var axes = [time ? axis('x', 2, null, null) : axis('x', 2, spectrum ? 'percentile' : size ? 'size' : 'ops/s',
      spectrum ? function (u, splits) {
        return splits.map(function (x) { return isPowerOfTen(x) ? percentile(x, 4) : ''; });
      } : size ? function (u, splits) {
        return splits.map(function (x) { return Math.round(x) === x ? String(x) : ''; });
      } : null)];
    if (time) { delete axes[0].values; }
    axes.push(axis('y', 3, chart.unit, null));
    var scales = { x: { time: time }, y: { range: fromZero } };
    if (spectrum) { scales.x.distr = 3; scales.x.log = 10; }
    if (size) { scales.x.distr = 3; scales.x.log = 2; }
    if (usesRight) {
      axes.push(axis('y2', 1, chart.unit2, null));
      scales.y2 = { range: fromZero };
    }
    return {
      width: width,
      height: HEIGHT,
      series: series,
      axes: axes,
      scales: scales,
      legend: { live: true },
      cursor: {
        sync: { key: time ? 'plimsoll-time' : 'plimsoll-' + chart.id },
        drag: { x: true, y: false }
      },
      plugins: time ? [markers()] : [],
      hooks: time ? { setScale: [zoomTogether] } : {}
    };
  }

  function build() {
    plots.forEach(function (p) { p.plot.destroy(); });
    plots = [];
    grid.textContent = '';
    // Every figure first, then the plots: each plot's width is its figure's once the grid is laid out.
    var holders = data.charts.map(function (chart) {
      var figure = document.createElement('figure');
      figure.className = 'chart';
      figure.id = 'chart-' + chart.id;
      var caption = document.createElement('figcaption');
      caption.textContent = chart.title;
      figure.appendChild(caption);
      var holder = document.createElement('div');
      figure.appendChild(holder);
      grid.appendChild(figure);
      return holder;
    });
    data.charts.forEach(function (chart, i) {
      var x = chart.kind === 'time'
        ? chart.x.map(function (v) { return data.origin + v; }) : chart.x;
      var columns = [x].concat(chart.series.map(function (s) { return s.values; }));
      var plot = new uPlot(options(chart, Math.max(300, holders[i].clientWidth)), columns, holders[i]);
      plots.push({ chart: chart, plot: plot, holder: holders[i] });
    });
    // For tests and the curious: the charts drawn, by id, and what they mark.
    window.plimsollCharts = plots.map(function (p) { return { id: p.chart.id, plot: p.plot }; });
    window.plimsollMarkers = function () { return data.markers; };
    document.body.setAttribute('data-charts', String(plots.length));
  }

  function setTheme(theme) {
    if (theme === 'auto') {
      root.removeAttribute('data-theme');
    } else {
      root.setAttribute('data-theme', theme);
    }
    themeButton.textContent = 'Theme: ' + theme;
    build();
  }

  themeButton.addEventListener('click', function () {
    var now = root.getAttribute('data-theme') || 'auto';
    setTheme(now === 'auto' ? (dark() ? 'light' : 'dark') : now === 'dark' ? 'light' : 'auto');
  });
  if (window.matchMedia) {
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', function () {
      if (!root.getAttribute('data-theme')) { build(); }
    });
  }

  document.querySelectorAll('input[data-group]').forEach(function (box) {
    box.addEventListener('change', function () {
      var group = box.getAttribute('data-group');
      hiddenGroups[group] = !box.checked;
      plots.forEach(function (p) {
        p.chart.series.forEach(function (s, i) {
          if (s.group === group) { p.plot.setSeries(i + 1, { show: box.checked }); }
        });
      });
    });
  });

  var resizing = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () {
      plots.forEach(function (p) {
        p.plot.setSize({ width: Math.max(300, p.holder.clientWidth), height: HEIGHT });
      });
    }, 150);
  });

  // The live page's script hands each interval's charts here: new values redraw the plots in place
  // (keeping which lines are hidden), new charts or lines rebuild them.
  window.plimsollUpdate = function (next) {
    var same = next.charts.length === plots.length && next.charts.every(function (chart, i) {
      return chart.id === plots[i].chart.id && chart.series.length === plots[i].chart.series.length;
    });
    data = next;
    if (!same) {
      build();
      return;
    }
    data.charts.forEach(function (chart, i) {
      var p = plots[i];
      var x = chart.kind === 'time'
        ? chart.x.map(function (v) { return data.origin + v; }) : chart.x;
      p.chart = chart;
      p.plot.setData([x].concat(chart.series.map(function (s) { return s.values; })));
    });
  };

  build();
}());
