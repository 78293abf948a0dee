// bench/chart.svg: grouped bars, median ms per call, log scale: one panel with a group per
// workload, then one for the glimpse sensor (a group per sensor workload and direction).
// Hand-written SVG, no dependency.

const SERIES = [
  {label: 'floor, reused output (JS, Node)', backend: 'cpu', method: 'floor', color: '#9e9e9e'},
  {label: 'floor, fresh output (JS, Node)', backend: 'cpu', method: 'floor-fresh', color: '#d6d6d6'},
  {label: 'cpu kernel', backend: 'cpu', method: 'kernel', color: '#1565c0'},
  {label: 'cpu composite', backend: 'cpu', method: 'composite', color: '#90caf9'},
  {label: 'wasm kernel', backend: 'wasm', method: 'kernel', color: '#6a1b9a'},
  {label: 'wasm composite', backend: 'wasm', method: 'composite', color: '#ce93d8'},
  {label: 'tensorflow kernel (+ dataSync)', backend: 'tensorflow', method: 'kernel', color: '#00838f'},
  {label: 'tensorflow composite (+ dataSync)', backend: 'tensorflow', method: 'composite', color: '#80deea'},
  {label: 'webgl tf.slice (with readback)', backend: 'webgl', method: 'slice', color: '#c8e6c9'},
  {label: 'webgl kernel (with readback)', backend: 'webgl', method: 'kernel', color: '#2e7d32'},
  {label: 'webgl composite (with readback)', backend: 'webgl', method: 'composite', color: '#a5d6a7'},
  {label: 'webgpu tf.slice (with readback)', backend: 'webgpu', method: 'slice', color: '#ffe0b2'},
  {label: 'webgpu kernel (with readback)', backend: 'webgpu', method: 'kernel', color: '#e65100'},
  {label: 'webgpu composite (with readback)', backend: 'webgpu', method: 'composite', color: '#ffcc80'},
  {label: 'TensorFlow native (tools/tf_baseline.py)', tf: true, color: '#212121'},
];

// The sensor panel: per backend, the fused op (dark) and its composite (light).
const SENSOR_COLORS = {
  cpu: ['#1565c0', '#90caf9'],
  wasm: ['#6a1b9a', '#ce93d8'],
  tensorflow: ['#00838f', '#80deea'],
  webgl: ['#2e7d32', '#a5d6a7'],
  webgpu: ['#e65100', '#ffcc80'],
};
const SENSOR_SERIES = Object.entries(SENSOR_COLORS).flatMap(([backend, [dark, light]]) => [
  {label: `${backend} fused`, backend, fused: true, color: dark},
  {label: `${backend} composite`, backend, fused: false, color: light},
]);

const esc = s => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function value(results, e, s) {
  if (s.tf) {
    const tfb = results.meta.tfBaseline;
    const r = tfb && tfb.results && tfb.results[e.id];
    return r ? r.medianMs : null;
  }
  const b = e.backends[s.backend];
  return b && b.methods && b.methods[s.method] ? b.methods[s.method].medianMs : null;
}

/** One element, its attributes packed onto lines under 120 characters (breaks fall inside the tag). */
function el(name, attrs, content) {
  const parts = Object.entries(attrs)
    .filter(([, v]) => v != null)
    .map(([k, v]) => `${k}="${v}"`);
  const close = content == null ? '/>' : `>${content}</${name}>`;
  const lines = [];
  let line = `<${name}`;
  for (const p of parts) {
    if (line.length + 1 + p.length > 110) {
      lines.push(line);
      line = `  ${p}`;
    } else {
      line += ` ${p}`;
    }
  }
  if (line.length + close.length > 118) {
    lines.push(line);
    line = `  ${close}`;
  } else {
    line += close;
  }
  lines.push(line);
  return lines.join('\n');
}

const notExact = b => b && b.verified && b.verified.composite && b.verified.composite.mismatches > 0;

function sensorValue(group, s) {
  const b = group.entry.backends[s.backend];
  const key = `sensor${s.fused ? '' : '-composite'}${group.backward ? '-grad' : ''}`;
  return b && b.methods && b.methods[key] ? b.methods[key].medianMs : null;
}

/**
 * One panel at `top`: log-scale grid, a group of bars per `groups` element (`value(g, s)`,
 * `wrong(g, s)` dashes a bar), group labels, legend. Returns its height.
 */
function panel(out, {top, title, groups, series, value, wrong, W}) {
  const values = groups.flatMap(g => series.map(s => value(g, s))).filter(v => v != null && v > 0);
  if (!values.length) return 0;
  const lo = Math.pow(10, Math.floor(Math.log10(Math.min(...values))));
  const hi = Math.pow(10, Math.ceil(Math.log10(Math.max(...values))));
  const m = {left: 70, right: 20, top: top + 28, bottom: 60 + 18 * Math.ceil(series.length / 3)};
  const plotW = W - m.left - m.right,
    plotH = 360;
  const bottom = m.top + plotH;
  const y = v => m.top + plotH * (1 - (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)));
  const groupW = plotW / groups.length;
  const barW = Math.min(22, (groupW - 16) / series.length);
  out.push(el('text', {x: m.left, y: top + 16, 'font-size': 13, 'font-weight': 'bold'}, esc(title)));
  // Grid: decades and their 2x / 5x.
  for (let d = lo; d <= hi * 1.0001; d *= 10) {
    for (const k of [1, 2, 5]) {
      const v = d * k;
      if (v > hi * 1.0001) continue;
      const yy = y(v).toFixed(1);
      out.push(el('line', {x1: m.left, x2: W - m.right, y1: yy, y2: yy, stroke: k === 1 ? '#bbb' : '#eee'}));
      if (k === 1 || plotH > 300) {
        out.push(
          el(
            'text',
            {x: m.left - 6, y: (+yy + 4).toFixed(1), 'text-anchor': 'end', fill: '#333'},
            v >= 1 ? v : v.toPrecision(1),
          ),
        );
      }
    }
  }
  out.push(
    el(
      'text',
      {transform: `translate(18 ${m.top + plotH / 2}) rotate(-90)`, 'text-anchor': 'middle', fill: '#333'},
      'ms per call (median)',
    ),
  );
  groups.forEach((g, gi) => {
    const gx = m.left + gi * groupW;
    const start = gx + (groupW - barW * series.length) / 2;
    series.forEach((s, si) => {
      const v = value(g, s);
      const x = start + si * barW;
      if (v == null || !(v > 0)) {
        out.push(
          el(
            'text',
            {x: (x + barW / 2).toFixed(1), y: bottom - 4, 'text-anchor': 'middle', 'font-size': 9, fill: '#999'},
            '–',
          ),
        );
        return;
      }
      const top = y(v);
      const bad = wrong(g, s);
      const tip = `${g.label} ${s.label}: ${v.toFixed(3)} ms${bad ? ' (output NOT pixel-exact)' : ''}`;
      const mark = bad ? {'fill-opacity': 0.45, stroke: '#c62828', 'stroke-dasharray': '3 2'} : {};
      out.push(
        el(
          'rect',
          {
            x: x.toFixed(1),
            y: top.toFixed(1),
            width: (barW - 2).toFixed(1),
            height: (bottom - top).toFixed(1),
            fill: s.color,
            ...mark,
          },
          `<title>${esc(tip)}</title>`,
        ),
      );
      if (bad) {
        out.push(
          el(
            'text',
            {
              x: (x + barW / 2 - 1).toFixed(1),
              y: (top - 4).toFixed(1),
              'text-anchor': 'middle',
              'font-size': 11,
              fill: '#c62828',
            },
            '✗',
          ),
        );
      }
    });
    const cx = (gx + groupW / 2).toFixed(1);
    out.push(el('text', {x: cx, y: bottom + 18, 'text-anchor': 'middle', 'font-weight': 'bold'}, esc(g.label)));
    out.push(el('text', {x: cx, y: bottom + 33, 'text-anchor': 'middle', fill: '#555', 'font-size': 10}, esc(g.sub)));
  });
  out.push(el('line', {x1: m.left, x2: W - m.right, y1: bottom, y2: bottom, stroke: '#333'}));
  if (groups.some(g => series.some(s => wrong(g, s)))) {
    out.push(
      el(
        'text',
        {x: W - m.right, y: m.top - 6, 'text-anchor': 'end', 'font-size': 11, fill: '#c62828'},
        "✗ dashed: that composite's output is not pixel-exact (a tfjs bug on that backend)",
      ),
    );
  }
  const colW = plotW / 3;
  series.forEach((s, i) => {
    const lx = m.left + (i % 3) * colW;
    const ly = bottom + 56 + 18 * Math.floor(i / 3);
    out.push(el('rect', {x: lx, y: ly - 10, width: 12, height: 12, fill: s.color}));
    out.push(el('text', {x: lx + 18, y: ly}, esc(s.label)));
  });
  return m.top - top + plotH + m.bottom;
}

export function renderChart(results) {
  const W = 960;
  const groups = results.workloads.map(e => ({
    entry: e,
    label: `${e.id} ${e.name}`,
    sub: `${e.inputShape.join('x')}, ${e.size.join('x')}, ${e.noise}`,
  }));
  const series = SERIES.filter(s => groups.some(g => value(results, g.entry, s) != null));
  const sensorGroups = (results.sensorWorkloads || []).flatMap(e =>
    [false, true].map(backward => ({
      entry: e,
      backward,
      label: `${e.id} ${e.name}, ${backward ? 'tf.grad' : 'forward'}`,
      // Two short lines' worth across the pair of groups: images, then the sensor's settings.
      sub: backward
        ? `${e.locationsShape.length === 3 ? e.locationsShape[1] : 1} per image, ${e.scales} scales, ${e.padding}`
        : `${e.imagesShape.join('x')}, ${e.size.join('x')}`,
    })),
  );
  const sensorSeries = SENSOR_SERIES.filter(s => sensorGroups.some(g => sensorValue(g, s) != null));
  const body = [];
  let top = 56;
  top += panel(body, {
    top,
    W,
    title: 'ExtractGlimpse: the op, its composite, floors',
    groups,
    series,
    value: (g, s) => value(results, g.entry, s),
    wrong: (g, s) => s.method === 'composite' && notExact(s.backend && g.entry.backends[s.backend]),
  });
  top += panel(body, {
    top,
    W,
    title: 'Glimpse sensor: fused op against the composite (extractGlimpse + avgPool + stack), forward and tf.grad',
    groups: sensorGroups,
    series: sensorSeries,
    value: sensorValue,
    wrong: () => false,
  });
  const height = top;
  const title = `tfjs-extract-glimpse: median ms per call (log scale), ${results.date.slice(0, 10)}`;
  const mach = results.meta.machine;
  const chromium = results.meta.chromium ? `, Chromium ${results.meta.chromium} (SwiftShader)` : '';
  const sub = `${mach.cpu}, ${mach.cores} cores, Node ${results.meta.node}${chromium}; tfjs ${results.meta.tfjs}`;
  const out = [];
  out.push(
    el('svg', {
      xmlns: 'http://www.w3.org/2000/svg',
      width: W,
      height,
      viewBox: `0 0 ${W} ${height}`,
      'font-family': 'Helvetica, Arial, sans-serif',
      'font-size': 12,
    }).slice(0, -2) + '>',
  );
  out.push(`<title>${esc(title)}\n${esc(sub)}</title>`);
  out.push(el('rect', {width: W, height, fill: '#ffffff'}));
  out.push(el('text', {x: W / 2, y: 24, 'text-anchor': 'middle', 'font-size': 16, 'font-weight': 'bold'}, esc(title)));
  out.push(el('text', {x: W / 2, y: 44, 'text-anchor': 'middle', fill: '#444'}, esc(sub)));
  out.push(...body);
  out.push('</svg>');
  return out.join('\n') + '\n';
}
