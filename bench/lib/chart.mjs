// bench/chart.svg: grouped bars, median ms per call, one group per workload, log scale.
// Hand-written SVG, no dependency.

const SERIES = [
  {label: 'floor, reused output (JS, Node)', backend: 'cpu', method: 'floor', color: '#9e9e9e'},
  {label: 'floor, fresh output (JS, Node)', backend: 'cpu', method: 'floor-fresh', color: '#d6d6d6'},
  {label: 'cpu kernel', backend: 'cpu', method: 'kernel', color: '#1565c0'},
  {label: 'cpu composite', backend: 'cpu', method: 'composite', color: '#90caf9'},
  {label: 'wasm kernel', backend: 'wasm', method: 'kernel', color: '#6a1b9a'},
  {label: 'wasm composite', backend: 'wasm', method: 'composite', color: '#ce93d8'},
  {label: 'webgl tf.slice (with readback)', backend: 'webgl', method: 'slice', color: '#c8e6c9'},
  {label: 'webgl kernel (with readback)', backend: 'webgl', method: 'kernel', color: '#2e7d32'},
  {label: 'webgl composite (with readback)', backend: 'webgl', method: 'composite', color: '#a5d6a7'},
  {label: 'webgpu tf.slice (with readback)', backend: 'webgpu', method: 'slice', color: '#ffe0b2'},
  {label: 'webgpu kernel (with readback)', backend: 'webgpu', method: 'kernel', color: '#e65100'},
  {label: 'webgpu composite (with readback)', backend: 'webgpu', method: 'composite', color: '#ffcc80'},
  {label: 'TensorFlow native (tools/tf_baseline.py)', tf: true, color: '#212121'},
];

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

export function renderChart(results) {
  const series = SERIES.filter(s => results.workloads.some(e => value(results, e, s) != null));
  const values = results.workloads.flatMap(e => series.map(s => value(results, e, s))).filter(v => v != null && v > 0);
  const lo = Math.pow(10, Math.floor(Math.log10(Math.min(...values))));
  const hi = Math.pow(10, Math.ceil(Math.log10(Math.max(...values))));
  const W = 960;
  const m = {left: 70, right: 20, top: 64, bottom: 60 + 18 * Math.ceil(series.length / 3)};
  const plotW = W - m.left - m.right,
    plotH = 360;
  const height = m.top + plotH + m.bottom;
  const bottom = m.top + plotH;
  const y = v => m.top + plotH * (1 - (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)));
  const groupW = plotW / results.workloads.length;
  const barW = Math.min(22, (groupW - 16) / series.length);
  const mach = results.meta.machine;
  const title = `tfjs-extract-glimpse: median ms per call (log scale), ${results.date.slice(0, 10)}`;
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
  results.workloads.forEach((e, gi) => {
    const gx = m.left + gi * groupW;
    const start = gx + (groupW - barW * series.length) / 2;
    series.forEach((s, si) => {
      const v = value(results, e, s);
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
      const wrong = s.method === 'composite' && notExact(s.backend && e.backends[s.backend]);
      const tip = `${e.id} ${s.label}: ${v.toFixed(3)} ms${wrong ? ' (output NOT pixel-exact)' : ''}`;
      const mark = wrong ? {'fill-opacity': 0.45, stroke: '#c62828', 'stroke-dasharray': '3 2'} : {};
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
      if (wrong) {
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
    out.push(
      el(
        'text',
        {x: cx, y: bottom + 18, 'text-anchor': 'middle', 'font-weight': 'bold'},
        `${esc(e.id)} ${esc(e.name)}`,
      ),
    );
    out.push(
      el(
        'text',
        {x: cx, y: bottom + 33, 'text-anchor': 'middle', fill: '#555', 'font-size': 10},
        esc(`${e.inputShape.join('x')}, ${e.size.join('x')}, ${e.noise}`),
      ),
    );
  });
  out.push(el('line', {x1: m.left, x2: W - m.right, y1: bottom, y2: bottom, stroke: '#333'}));
  if (results.workloads.some(e => Object.values(e.backends).some(notExact))) {
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
  out.push('</svg>');
  return out.join('\n') + '\n';
}
