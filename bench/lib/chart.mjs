// bench/chart.svg: grouped bars, median ms per call, one group per workload, log scale.
// Hand-written SVG, no dependency.

const SERIES = [
  {label: 'floor, reused output (JS, Node)', backend: 'cpu', method: 'floor', color: '#9e9e9e'},
  {label: 'floor, fresh output (JS, Node)', backend: 'cpu', method: 'floor-fresh', color: '#d6d6d6'},
  {label: 'cpu kernel', backend: 'cpu', method: 'kernel', color: '#1565c0'},
  {label: 'cpu composite', backend: 'cpu', method: 'composite', color: '#90caf9'},
  {label: 'wasm kernel', backend: 'wasm', method: 'kernel', color: '#6a1b9a'},
  {label: 'wasm composite', backend: 'wasm', method: 'composite', color: '#ce93d8'},
  {label: 'webgl kernel (with readback)', backend: 'webgl', method: 'kernel', color: '#2e7d32'},
  {label: 'webgl composite (with readback)', backend: 'webgl', method: 'composite', color: '#a5d6a7'},
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

export function renderChart(results) {
  const series = SERIES.filter(s => results.workloads.some(e => value(results, e, s) != null));
  const values = results.workloads.flatMap(e => series.map(s => value(results, e, s))).filter(v => v != null && v > 0);
  const lo = Math.pow(10, Math.floor(Math.log10(Math.min(...values))));
  const hi = Math.pow(10, Math.ceil(Math.log10(Math.max(...values))));
  const W = 960;
  const m = {left: 70, right: 20, top: 64, bottom: 60 + 18 * Math.ceil(series.length / 3)};
  const plotW = W - m.left - m.right, plotH = 360;
  const height = m.top + plotH + m.bottom;
  const y = v => m.top + plotH * (1 - (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)));
  const groupW = plotW / results.workloads.length;
  const barW = Math.min(22, (groupW - 16) / series.length);
  const mach = results.meta.machine;
  const title = `tfjs-extract-glimpse: median ms per call (log scale), ${results.date.slice(0, 10)}`;
  const sub = `${mach.cpu}, ${mach.cores} cores, Node ${results.meta.node}` +
              `${results.meta.chromium ? `, Chromium ${results.meta.chromium} (SwiftShader)` : ''}; tfjs ${results.meta.tfjs}`;
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="12">`);
  out.push(`<title>${esc(title)} — ${esc(sub)}</title>`);
  out.push(`<rect width="${W}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${W / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">${esc(title)}</text>`);
  out.push(`<text x="${W / 2}" y="44" text-anchor="middle" fill="#444">${esc(sub)}</text>`);
  // Grid: decades and their 2x / 5x.
  for (let d = lo; d <= hi * 1.0001; d *= 10) {
    for (const k of [1, 2, 5]) {
      const v = d * k;
      if (v > hi * 1.0001) continue;
      const yy = y(v).toFixed(1);
      out.push(`<line x1="${m.left}" x2="${W - m.right}" y1="${yy}" y2="${yy}" stroke="${k === 1 ? '#bbb' : '#eee'}"/>`);
      if (k === 1 || plotH > 300) {
        out.push(`<text x="${m.left - 6}" y="${(+yy + 4).toFixed(1)}" text-anchor="end" fill="#333">${v >= 1 ? v : v.toPrecision(1)}</text>`);
      }
    }
  }
  out.push(`<text transform="translate(18 ${m.top + plotH / 2}) rotate(-90)" text-anchor="middle" fill="#333">ms per call (median)</text>`);
  results.workloads.forEach((e, gi) => {
    const gx = m.left + gi * groupW;
    const start = gx + (groupW - barW * series.length) / 2;
    series.forEach((s, si) => {
      const v = value(results, e, s);
      const x = start + si * barW;
      if (v == null || !(v > 0)) {
        out.push(`<text x="${(x + barW / 2).toFixed(1)}" y="${m.top + plotH - 4}" text-anchor="middle" font-size="9" fill="#999">–</text>`);
        return;
      }
      const top = y(v);
      const b = s.backend && e.backends[s.backend];
      const wrong = s.method === 'composite' && b && b.verified && b.verified.composite && b.verified.composite.mismatches > 0;
      out.push(`<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${(barW - 2).toFixed(1)}" height="${(m.top + plotH - top).toFixed(1)}" fill="${s.color}"${wrong ? ' fill-opacity="0.45" stroke="#c62828" stroke-dasharray="3 2"' : ''}><title>${esc(`${e.id} ${s.label}: ${v.toFixed(3)} ms${wrong ? ' (output NOT pixel-exact)' : ''}`)}</title></rect>`);
      if (wrong) out.push(`<text x="${(x + barW / 2 - 1).toFixed(1)}" y="${(top - 4).toFixed(1)}" text-anchor="middle" font-size="11" fill="#c62828">✗</text>`);
    });
    out.push(`<text x="${(gx + groupW / 2).toFixed(1)}" y="${m.top + plotH + 18}" text-anchor="middle" font-weight="bold">${esc(e.id)} ${esc(e.name)}</text>`);
    out.push(`<text x="${(gx + groupW / 2).toFixed(1)}" y="${m.top + plotH + 33}" text-anchor="middle" fill="#555" font-size="10">${esc(`${e.inputShape.join('x')}, ${e.size.join('x')}, ${e.noise}`)}</text>`);
  });
  out.push(`<line x1="${m.left}" x2="${W - m.right}" y1="${m.top + plotH}" y2="${m.top + plotH}" stroke="#333"/>`);
  if (results.workloads.some(e => Object.values(e.backends).some(b => b.verified && b.verified.composite && b.verified.composite.mismatches > 0))) {
    out.push(`<text x="${W - m.right}" y="${m.top - 6}" text-anchor="end" font-size="11" fill="#c62828">✗ dashed: that composite's output is not pixel-exact (a tfjs bug on that backend)</text>`);
  }
  const colW = plotW / 3;
  series.forEach((s, i) => {
    const lx = m.left + (i % 3) * colW;
    const ly = m.top + plotH + 56 + 18 * Math.floor(i / 3);
    out.push(`<rect x="${lx}" y="${ly - 10}" width="12" height="12" fill="${s.color}"/>`);
    out.push(`<text x="${lx + 18}" y="${ly}">${esc(s.label)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
