// report.html's chart script, inlined into the page by ReportHtml (no network, no library). It makes the
// SVG charts drawn by SvgChart interactive without redrawing their data: the wheel zooms the time axis
// around the cursor, dragging pans, a double click resets, and a crosshair reads the time and value under
// the cursor. Charts over the same time span (equity, drawdown, prices) zoom and pan together. Time ticks
// are redrawn on round steps, the same list as AxisTicks.java. The current view is kept in
// data-view-t0 / data-view-t1 (epoch ms) on each chart, which the browser test reads.
(function () {
  'use strict';
  var first = document.querySelector('svg.chart');
  if (!first) { return; }
  var NS = first.namespaceURI; // the SVG namespace, taken from the page so no URL appears in it
  var STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 15e3, 3e4, 6e4, 12e4, 3e5, 6e5, 9e5, 18e5,
    36e5, 72e5, 108e5, 216e5, 432e5, 864e5, 1728e5, 6048e5, 12096e5, 2592e6, 7776e6, 31536e6];
  var MAX_TICKS = 7;

  function el(name, attrs) {
    var e = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function pad(n, w) { n = String(n); while (n.length < w) { n = '0' + n; } return n; }
  function label(ms, step) {
    var d = new Date(ms);
    var hms = pad(d.getUTCHours(), 2) + ':' + pad(d.getUTCMinutes(), 2);
    var md = pad(d.getUTCMonth() + 1, 2) + '-' + pad(d.getUTCDate(), 2);
    if (step < 1e3) { return hms + ':' + pad(d.getUTCSeconds(), 2) + '.' + pad(d.getUTCMilliseconds(), 3); }
    if (step < 6e4) { return hms + ':' + pad(d.getUTCSeconds(), 2); }
    if (step < 864e5) { return md + ' ' + hms; }
    return d.getUTCFullYear() + '-' + md;
  }
  function stepFor(span) {
    for (var i = 0; i < STEPS.length; i++) { if (span / STEPS[i] <= MAX_TICKS) { return STEPS[i]; } }
    return STEPS[STEPS.length - 1];
  }
  function value(v, range) {
    var digits = range >= 1000 ? 0 : range >= 10 ? 2 : range >= 0.1 ? 4 : 6;
    return v.toFixed(digits);
  }

  function Chart(svg) {
    var p = svg.getAttribute('data-plot').split(',').map(Number);
    this.svg = svg;
    this.L = p[0]; this.T = p[1]; this.R = p[2]; this.B = p[3];
    this.t0 = Number(svg.getAttribute('data-t0'));
    this.t1 = Number(svg.getAttribute('data-t1'));
    this.y0 = Number(svg.getAttribute('data-y0'));
    this.y1 = Number(svg.getAttribute('data-y1'));
    this.v0 = this.t0; this.v1 = this.t1;
    this.plot = svg.querySelector('g.plot');
    this.markers = Array.prototype.slice.call(svg.querySelectorAll('g.markers > g[data-x]'));
    this.ticks = svg.querySelector('g.xticks');
    this.cross = el('g', {'class': 'crosshair', 'pointer-events': 'none', 'visibility': 'hidden'});
    this.vline = el('line', {y1: this.T, y2: this.B});
    this.hline = el('line', {x1: this.L, x2: this.R});
    this.readout = el('text', {x: this.L + 6, y: this.T + 14});
    this.cross.appendChild(this.vline); this.cross.appendChild(this.hline); this.cross.appendChild(this.readout);
    svg.appendChild(this.cross);
  }
  Chart.prototype.timeAt = function (x) { return this.v0 + (x - this.L) / (this.R - this.L) * (this.v1 - this.v0); };
  Chart.prototype.show = function (v0, v1) {
    var full = this.t1 - this.t0;
    var span = Math.min(full, Math.max(v1 - v0, Math.max(1, full / 1e6)));
    v0 = Math.max(this.t0, Math.min(v0, this.t1 - span));
    this.v0 = v0; this.v1 = v0 + span;
    var k = full / span;
    var c = this.L - k * this.L + (this.t0 - this.v0) * (this.R - this.L) / span;
    this.plot.setAttribute('transform', 'matrix(' + k + ',0,0,1,' + c + ',0)');
    this.markers.forEach(function (m) {
      var x = Number(m.getAttribute('data-x'));
      m.setAttribute('transform', 'translate(' + (k * x + c - x) + ',0)');
    });
    this.svg.setAttribute('data-view-t0', String(this.v0));
    this.svg.setAttribute('data-view-t1', String(this.v1));
    this.drawTicks();
  };
  Chart.prototype.drawTicks = function () {
    if (!this.ticks) { return; }
    while (this.ticks.firstChild) { this.ticks.removeChild(this.ticks.firstChild); }
    var step = stepFor(this.v1 - this.v0);
    for (var t = Math.ceil(this.v0 / step) * step; t <= this.v1; t += step) {
      var x = this.L + (t - this.v0) / (this.v1 - this.v0) * (this.R - this.L);
      this.ticks.appendChild(el('line', {'class': 'grid', x1: x, x2: x, y1: this.T, y2: this.B}));
      var text = el('text', {x: x, y: this.B + 18, 'text-anchor': 'middle'});
      text.textContent = label(t, step);
      this.ticks.appendChild(text);
    }
  };
  Chart.prototype.point = function (evt) {
    var m = this.svg.getScreenCTM();
    if (!m) { return null; }
    var pt = this.svg.createSVGPoint();
    pt.x = evt.clientX; pt.y = evt.clientY;
    return pt.matrixTransform(m.inverse());
  };
  Chart.prototype.crosshair = function (pt) {
    if (!pt || pt.x < this.L || pt.x > this.R || pt.y < this.T || pt.y > this.B) {
      this.cross.setAttribute('visibility', 'hidden');
      return;
    }
    this.cross.setAttribute('visibility', 'visible');
    this.vline.setAttribute('x1', pt.x); this.vline.setAttribute('x2', pt.x);
    this.hline.setAttribute('y1', pt.y); this.hline.setAttribute('y2', pt.y);
    var v = this.y0 + (this.B - pt.y) / (this.B - this.T) * (this.y1 - this.y0);
    this.readout.textContent = label(this.timeAt(pt.x), 1) + ' UTC  ' + value(v, this.y1 - this.y0);
  };

  var charts = [];
  Array.prototype.forEach.call(document.querySelectorAll('svg.chart[data-t0]'), function (svg) {
    charts.push(new Chart(svg));
  });
  function group(chart) {
    return charts.filter(function (c) { return c.t0 === chart.t0 && c.t1 === chart.t1; });
  }
  charts.forEach(function (chart) {
    var svg = chart.svg;
    var drag = null;
    svg.addEventListener('wheel', function (evt) {
      var pt = chart.point(evt);
      if (!pt) { return; }
      evt.preventDefault();
      var factor = evt.deltaY < 0 ? 0.8 : 1.25;
      var at = chart.timeAt(Math.max(chart.L, Math.min(chart.R, pt.x)));
      var v0 = at - (at - chart.v0) * factor;
      var v1 = at + (chart.v1 - at) * factor;
      group(chart).forEach(function (c) { c.show(v0, v1); });
    }, {passive: false});
    svg.addEventListener('mousedown', function (evt) {
      var pt = chart.point(evt);
      if (pt) { drag = {x: pt.x, v0: chart.v0, v1: chart.v1}; evt.preventDefault(); }
    });
    svg.addEventListener('mousemove', function (evt) {
      var pt = chart.point(evt);
      chart.crosshair(pt);
      if (drag && pt) {
        var dt = (pt.x - drag.x) / (chart.R - chart.L) * (drag.v1 - drag.v0);
        group(chart).forEach(function (c) { c.show(drag.v0 - dt, drag.v1 - dt); });
      }
    });
    svg.addEventListener('mouseleave', function () { drag = null; chart.crosshair(null); });
    window.addEventListener('mouseup', function () { drag = null; });
    svg.addEventListener('dblclick', function () {
      group(chart).forEach(function (c) { c.show(c.t0, c.t1); });
    });
    chart.svg.setAttribute('data-view-t0', String(chart.v0));
    chart.svg.setAttribute('data-view-t1', String(chart.v1));
  });
})();
