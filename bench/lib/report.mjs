// The results table (printed by bench/run.mjs, and in Markdown in bench/README.md).

export const BACKEND_ORDER = ['cpu', 'wasm', 'webgl', 'webgpu'];

export const METHOD_LABELS = {
  'kernel': 'kernel (the op)',
  'composite': 'composite (cropAndResize + stats)',
  'floor': 'floor: copies + stats, reused output',
  'floor-fresh': 'floor: same, fresh output per call',
  'grad-kernel': 'backward kernel',
  'grad-floor': 'backward floor: fill(0) + copies, reused',
  'grad-floor-fresh': 'backward floor: fresh zeroed output',
  'tf.grad': 'tf.grad (forward + backward)',
  'kernel-nrb': 'kernel, no readback',
  'composite-nrb': 'composite, no readback',
};
const METHOD_ORDER = Object.keys(METHOD_LABELS);

export function fmtMs(x) {
  if (x == null || !Number.isFinite(x)) return '-';
  if (x < 1) return x.toFixed(3);
  if (x < 10) return x.toFixed(2);
  if (x < 100) return x.toFixed(1);
  return x.toFixed(0);
}

export function fmtBytes(b) {
  if (b == null) return '-';
  if (b === 0) return '0';
  if (b < 1024 * 1024) return `${(b / 1024).toFixed(1)} KiB`;
  return `${(b / 2 ** 20).toFixed(1)} MiB`;
}

const ratio = (a, b) => (a != null && b != null && b > 0 ? `${(a / b).toFixed(2)}x` : '');

/**
 * One row per workload x backend x method: median ms, reps, kernel/floor (the backward
 * kernel's row: backward/backward floor), composite/kernel (no-readback rows: their
 * no-readback counterparts), peak tf.memory().numBytes above the inputs, peak GPU bytes.
 */
export function tableRows(results) {
  const rows = [];
  for (const e of results.workloads) {
    const label = `${e.id} ${e.name}`;
    for (const backend of BACKEND_ORDER) {
      const b = e.backends[backend];
      if (!b) continue;
      if (b.skipped || b.error) {
        rows.push({workload: label, backend, method: b.skipped ? 'skipped' : 'error', note: b.skipped || b.error});
        continue;
      }
      const m = b.methods;
      for (const key of METHOD_ORDER) {
        const r = m[key];
        if (!r) continue;
        let vsFloor = '';
        let vsFresh = '';
        let vsKernel = '';
        const node = backend === 'cpu' || backend === 'wasm';
        // wasm's kernel is compared with the (Node, JS) floors measured in the cpu group.
        const cpuM = (e.backends.cpu && e.backends.cpu.methods) || {};
        const floorOf = k => (m[k] || cpuM[k] || null);
        if (key === 'kernel' && node) {
          vsFloor = ratio(r.medianMs, floorOf('floor') && floorOf('floor').medianMs);
          vsFresh = ratio(r.medianMs, floorOf('floor-fresh') && floorOf('floor-fresh').medianMs);
        }
        if (key === 'grad-kernel') {
          vsFloor = ratio(r.medianMs, floorOf('grad-floor') && floorOf('grad-floor').medianMs);
          vsFresh = ratio(r.medianMs, floorOf('grad-floor-fresh') && floorOf('grad-floor-fresh').medianMs);
        }
        if (key === 'composite' && m.kernel) vsKernel = ratio(r.medianMs, m.kernel.medianMs);
        if (key === 'composite-nrb' && m['kernel-nrb']) vsKernel = ratio(r.medianMs, m['kernel-nrb'].medianMs);
        rows.push({
          workload: label, backend, method: METHOD_LABELS[key], key,
          ms: fmtMs(r.medianMs), reps: String(r.reps), vsFloor, vsFresh, vsKernel,
          peak: fmtBytes(r.peakBytes), gpuPeak: r.peakGpuBytes == null ? '' : fmtBytes(r.peakGpuBytes),
        });
      }
    }
  }
  return rows;
}

const COLUMNS = [
  ['workload', 'workload'], ['backend', 'backend'], ['method', 'method'], ['ms', 'median ms'], ['reps', 'reps'],
  ['vsFloor', 'kernel / floor'], ['vsFresh', 'kernel / fresh floor'], ['vsKernel', 'composite / kernel'], ['peak', 'peak tf.memory bytes'],
  ['gpuPeak', 'peak GPU bytes'],
];
const RIGHT = new Set(['ms', 'reps', 'vsFloor', 'vsFresh', 'vsKernel', 'peak', 'gpuPeak']);

function codeLine(results) {
  const c = results.meta.code || {};
  if (!c.commit) return '';
  const dirty = c.uncommittedFilesInSrcKernels ? ` + ${c.uncommittedFilesInSrcKernels} uncommitted file(s) in src/kernels` : '';
  return `; code: commit ${c.commit}${dirty}, dist ESM sha256 ${c.distEsmSha256}…`;
}

function machineLine(results) {
  const m = results.meta.machine;
  return `${m.cpu}, ${m.cores} cores, ${m.totalMemGiB} GiB, ${m.platform}; Node ${results.meta.node}, ` +
         `tfjs ${results.meta.tfjs}${results.meta.chromium ? `, Chromium ${results.meta.chromium}` : ''}; ` +
         `load average ${m.loadAvgAtStart.join(' ')} at start, ${(m.loadAvgAtEnd || []).join(' ')} at end` +
         (Object.keys(results.meta.mallocEnv || {}).length ? `; malloc env ${JSON.stringify(results.meta.mallocEnv)}` : '') +
         codeLine(results);
}

function backendNotes(results) {
  const notes = [];
  for (const [name, b] of Object.entries(results.meta.backends)) {
    if (b.status === 'skipped') notes.push(`${name}: ${b.note}`);
    else if (b.renderer) notes.push(`${name}: ${b.renderer} (WebGL ${b.webglVersion}, max texture ${b.maxTextureSize})`);
  }
  for (const e of results.workloads) {
    for (const [name, b] of Object.entries(e.backends)) {
      if (b.skipped && !(results.meta.backends[name] && results.meta.backends[name].status === 'skipped')) notes.push(`${e.id} on ${name}: skipped, ${b.skipped}`);
      if (b.error) notes.push(`${e.id} on ${name}: error, ${b.error}`);
      for (const n of b.notes || []) notes.push(`${e.id} on ${name}: ${n}`);
    }
    const fs = e.backends.cpu && e.backends.cpu.floorStrategy;
    if (fs) {
      notes.push(`${e.id} floor copy strategy: forward '${fs.forward.best}', backward '${fs.backward.best}' ` +
                 `(trial ms: forward ${Object.entries(fs.forward.trial).map(([k, v]) => `${k} ${fmtMs(v)}`).join(', ')}; ` +
                 `backward ${Object.entries(fs.backward.trial).map(([k, v]) => `${k} ${fmtMs(v)}`).join(', ')})`);
    }
  }
  return notes;
}

function targetLines(results, mark) {
  return results.targets.map(t => `${mark(t.holds)} ${t.workload}: ${t.target}: ${t.detail}`);
}

export function formatText(results, rows) {
  const cells = rows.map(r => (r.note ? null : COLUMNS.map(([k]) => r[k] ?? '')));
  const widths = COLUMNS.map(([k, title], i) => Math.max(title.length, ...cells.filter(Boolean).map(c => c[i].length)));
  const line = c => c.map((v, i) => (RIGHT.has(COLUMNS[i][0]) ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ');
  const out = [];
  out.push(`tfjs-extract-glimpse benchmark, ${results.date}`);
  out.push(machineLine(results));
  out.push('');
  out.push(line(COLUMNS.map(c => c[1])));
  out.push(widths.map(w => '-'.repeat(w)).join('  '));
  let last = null;
  rows.forEach((r, i) => {
    if (last !== null && r.workload !== last) out.push('');
    last = r.workload;
    if (r.note) out.push(`${r.workload.padEnd(widths[0])}  ${r.backend.padEnd(widths[1])}  ${r.method}: ${r.note}`);
    else out.push(line(cells[i]));
  });
  out.push('');
  out.push('Targets (issue 6), from this run:');
  for (const l of targetLines(results, h => (h === true ? '  PASS' : h === false ? '  FAIL' : '  n/a '))) out.push(l);
  const notes = backendNotes(results);
  if (notes.length) {
    out.push('');
    out.push('Notes:');
    for (const n of notes) out.push(`  - ${n}`);
  }
  const tfb = results.meta.tfBaseline;
  if (tfb && tfb.results) {
    out.push('');
    out.push(`TensorFlow native (tools/tf_baseline.py, ${tfb.date}, TF ${tfb.tensorflow}): ` +
             Object.entries(tfb.results).map(([id, r]) => `${id} ${fmtMs(r.medianMs)} ms`).join(', '));
  }
  return out.join('\n');
}

export function formatMarkdown(results, rows) {
  const out = [];
  out.push(`Run of ${results.date} (${results.meta.totalSeconds} s${results.meta.options.quick ? ', --quick' : ''}): ${machineLine(results)}.`);
  out.push('');
  out.push(`| ${COLUMNS.map(c => c[1]).join(' | ')} |`);
  out.push(`|${COLUMNS.map(([k]) => (RIGHT.has(k) ? '---:' : '---')).join('|')}|`);
  for (const r of rows) {
    if (r.note) out.push(`| ${r.workload} | ${r.backend} | ${r.method}: ${r.note.replace(/\|/g, '\\|')} |${' |'.repeat(COLUMNS.length - 3)}`);
    else out.push(`| ${COLUMNS.map(([k]) => r[k] ?? '').join(' | ')} |`);
  }
  out.push('');
  out.push('Targets, from this run:');
  out.push('');
  for (const l of targetLines(results, h => (h === true ? '- ✅' : h === false ? '- ❌' : '- n/a'))) out.push(l);
  const notes = backendNotes(results);
  if (notes.length) {
    out.push('');
    out.push('Notes:');
    out.push('');
    for (const n of notes) out.push(`- ${n}`);
  }
  out.push('');
  out.push('![benchmark chart](chart.svg)');
  return out.join('\n');
}
