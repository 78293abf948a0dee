// The results table and the targets: as text on stdout, and as Markdown for the results
// section of bench/README.md.

export const BACKEND_ORDER = ['cpu', 'wasm', 'tensorflow', 'webgl', 'webgpu'];
const NODE = ['cpu', 'wasm', 'tensorflow'];

export const METHOD_LABELS = {
  kernel: 'kernel (the op)',
  'kernel-zero': 'kernel, zero noise',
  composite: 'composite (cropAndResize + stats)',
  floor: 'floor: copies + stats, reused output',
  'floor-fresh': 'floor: same, fresh output per call',
  slice: 'floor: tf.slice, same output size',
  'grad-kernel': 'backward kernel',
  'grad-floor': 'backward floor: fill(0) + copies, reused',
  'grad-floor-fresh': 'backward floor: fresh zeroed output',
  'tf.grad': 'tf.grad (forward + backward)',
  'kernel-nrb': 'kernel, no readback',
  'kernel-unseeded-nrb': "kernel, no seed (TensorFlow's noise), no readback",
  'kernel-zero-nrb': 'kernel, zero noise, no readback',
  'composite-nrb': 'composite, no readback',
  'slice-nrb': 'tf.slice, no readback',
  'kernel-bilinear': 'kernel, bilinear interpolation',
  'tf.grad-bilinear': 'tf.grad, bilinear (d input and d offsets)',
  // wasm only: the same calls on its other kernel paths (the plain rows run the SIMD build).
  'kernel-scalar': 'kernel, compiled scalar (wasm)',
  'kernel-js': 'kernel, JS kernels (wasm)',
  'grad-kernel-scalar': 'backward kernel, compiled scalar (wasm)',
  'grad-kernel-js': 'backward kernel, JS kernels (wasm)',
  'kernel-bilinear-scalar': 'kernel, bilinear, compiled scalar (wasm)',
  'kernel-bilinear-js': 'kernel, bilinear, JS kernels (wasm)',
};
const METHOD_ORDER = Object.keys(METHOD_LABELS);

export const SENSOR_LABELS = {
  sensor: 'fused sensor (the op)',
  'sensor-composite': 'composite (extractGlimpse + avgPool + stack)',
  'sensor-grad': 'tf.grad of sum(fused)',
  'sensor-composite-grad': 'tf.grad of sum(composite)',
  'sensor-bilinear': 'fused sensor, bilinear interpolation',
  'sensor-grad-bilinear': 'tf.grad of sum(fused bilinear), images and locations',
  // wasm only: the same calls on its other kernel paths (the plain rows run the SIMD build).
  'sensor-scalar': 'fused sensor, compiled scalar (wasm)',
  'sensor-js': 'fused sensor, JS kernels (wasm)',
  'sensor-grad-scalar': 'tf.grad of sum(fused), compiled scalar (wasm)',
  'sensor-grad-js': 'tf.grad of sum(fused), JS kernels (wasm)',
  'sensor-bilinear-scalar': 'fused sensor, bilinear, compiled scalar (wasm)',
  'sensor-bilinear-js': 'fused sensor, bilinear, JS kernels (wasm)',
  'sensor-grad-bilinear-scalar': 'tf.grad of sum(fused bilinear), compiled scalar (wasm)',
  'sensor-grad-bilinear-js': 'tf.grad of sum(fused bilinear), JS kernels (wasm)',
};
// The sensor's peers (lib/peers.mjs, tools/sensor_peers.py).
const PEER_LABELS = {
  'torch-batched': 'PyTorch: batched gather + avg_pool2d',
  'torch-loop': 'PyTorch: per-sample slicing loop + avg_pool2d',
  'tf-composite': 'TensorFlow: extract_glimpse + avg_pool2d + stack, tf.function',
  'torch-grid-sample': 'PyTorch, bilinear: grid_sample + avg_pool2d, per scale',
};
// Each composite row's ratio: over the fused method it replaces.
const SENSOR_FUSED_OF = {'sensor-composite': 'sensor', 'sensor-composite-grad': 'sensor-grad'};

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
 * kernel's row: backward/backward floor; on GPU backends the zero-noise kernel over
 * tf.slice), composite/kernel (no-readback rows: their no-readback counterparts), peak
 * tf.memory().numBytes above the inputs, peak GPU bytes.
 */
export function tableRows(results) {
  const rows = [];
  for (const e of results.workloads) {
    const label = `${e.id} ${e.name}`;
    for (const backend of BACKEND_ORDER) {
      const b = e.backends[backend];
      if (!b) continue;
      if (b.skipped || b.error) {
        rows.push({
          workload: label,
          id: e.id,
          backend,
          method: b.skipped ? 'skipped' : 'error',
          note: b.skipped || b.error,
        });
        continue;
      }
      const m = b.methods;
      for (const key of METHOD_ORDER) {
        const r = m[key];
        if (!r) continue;
        let vsFloor = '';
        let vsFresh = '';
        let vsKernel = '';
        const node = NODE.includes(backend);
        // The JS floors are timed once, beside the first Node backend: all compare with them.
        const nodeM = k =>
          NODE.map(x => e.backends[x] && e.backends[x].methods && e.backends[x].methods[k]).find(Boolean);
        const floorOf = k => m[k] || nodeM(k) || null;
        if (key === 'kernel' && node) {
          vsFloor = ratio(r.medianMs, floorOf('floor') && floorOf('floor').medianMs);
          vsFresh = ratio(r.medianMs, floorOf('floor-fresh') && floorOf('floor-fresh').medianMs);
        }
        // GPU: the zero-noise kernel (the op itself when the workload has zero noise) over tf.slice.
        const zeroKey = e.noise === 'zero' ? 'kernel' : 'kernel-zero';
        if (!node && (key === zeroKey || key === `${zeroKey}-nrb`)) {
          const s = m[key.endsWith('-nrb') ? 'slice-nrb' : 'slice'];
          vsFloor = ratio(r.medianMs, s && s.medianMs);
        }
        if (key === 'grad-kernel') {
          vsFloor = ratio(r.medianMs, floorOf('grad-floor') && floorOf('grad-floor').medianMs);
          vsFresh = ratio(r.medianMs, floorOf('grad-floor-fresh') && floorOf('grad-floor-fresh').medianMs);
        }
        if (key === 'composite' && m.kernel) vsKernel = ratio(r.medianMs, m.kernel.medianMs);
        if (key === 'composite-nrb' && m['kernel-nrb']) vsKernel = ratio(r.medianMs, m['kernel-nrb'].medianMs);
        rows.push({
          workload: label,
          id: e.id,
          backend,
          method: METHOD_LABELS[key],
          key,
          ms: fmtMs(r.medianMs),
          reps: String(r.reps),
          vsFloor,
          vsFresh,
          vsKernel,
          peak: fmtBytes(r.peakBytes),
          gpuPeak: r.peakGpuBytes == null ? '' : fmtBytes(r.peakGpuBytes),
        });
      }
    }
  }
  return rows;
}

/**
 * The glimpse sensor's rows: per workload x backend x method, median ms, reps, composite /
 * fused (on each composite row), peaks. A fused method the backend lacks: a "not available" row.
 */
export function sensorRows(results) {
  const rows = [];
  for (const e of results.sensorWorkloads || []) {
    const label = `${e.id} ${e.name}`;
    for (const backend of BACKEND_ORDER) {
      const b = e.backends[backend];
      if (!b) continue;
      const base = {workload: label, id: e.id, backend};
      if (b.skipped || b.error) {
        rows.push({...base, method: b.skipped ? 'skipped' : 'error', note: b.skipped || b.error});
        continue;
      }
      for (const [key, label] of Object.entries(SENSOR_LABELS)) {
        const r = b.methods[key];
        if (!r) {
          if (key === 'sensor' || key === 'sensor-grad') rows.push({...base, method: label, note: 'not available'});
          continue;
        }
        const fused = SENSOR_FUSED_OF[key] && b.methods[SENSOR_FUSED_OF[key]];
        rows.push({
          ...base,
          method: label,
          key,
          ms: fmtMs(r.medianMs),
          reps: String(r.reps),
          vsFused: fused ? ratio(r.medianMs, fused.medianMs) : '',
          peak: fmtBytes(r.peakBytes),
          gpuPeak: r.peakGpuBytes == null ? '' : fmtBytes(r.peakGpuBytes),
        });
      }
    }
    for (const [name, r] of Object.entries(e.peers || {})) {
      const method = PEER_LABELS[name] || name;
      rows.push({workload: label, id: e.id, backend: 'peer', method, ms: fmtMs(r.ms), reps: String(r.calls)});
    }
  }
  return rows;
}

const SENSOR_COLUMNS = [
  ['id', 'id'],
  ['backend', 'backend'],
  ['method', 'method'],
  ['ms', 'ms'],
  ['reps', 'reps'],
  ['vsFused', 'composite / fused'],
  ['peak', 'peak tf.memory'],
  ['gpuPeak', 'peak GPU'],
];

// Text columns (stdout, any width) and Markdown columns (kept under 120 characters a line).
const COLUMNS = [
  ['workload', 'workload'],
  ['backend', 'backend'],
  ['method', 'method'],
  ['ms', 'median ms'],
  ['reps', 'reps'],
  ['vsFloor', 'kernel / floor'],
  ['vsFresh', 'kernel / fresh floor'],
  ['vsKernel', 'composite / kernel'],
  ['peak', 'peak tf.memory bytes'],
  ['gpuPeak', 'peak GPU bytes'],
];
const MD_COLUMNS = [
  ['id', 'id'],
  ['backend', 'backend'],
  ['method', 'method'],
  ['ms', 'ms'],
  ['reps', 'reps'],
  ['vsFloor', '/ floor'],
  ['vsFresh', '/ fresh floor'],
  ['vsKernel', 'composite / kernel'],
  ['peak', 'peak tf.memory'],
  ['gpuPeak', 'peak GPU'],
];
const RIGHT = new Set(['ms', 'reps', 'vsFloor', 'vsFresh', 'vsKernel', 'vsFused', 'peak', 'gpuPeak']);
const MD_WIDTH = 118;

/** Greedy word wrap: `first` prefixes the first line, `rest` the others. */
export function wrap(text, first = '', rest = first, width = MD_WIDTH) {
  const lines = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else {
      line += (empty ? '' : ' ') + word;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}

function codeLine(results) {
  const c = results.meta.code || {};
  if (!c.commit) return '';
  const n = c.uncommittedFilesInSrcKernels;
  const dirty = n ? ` + ${n} uncommitted file(s) in src/kernels` : '';
  return `; code: commit ${c.commit}${dirty}, dist ESM sha256 ${c.distEsmSha256}…`;
}

function machineLine(results) {
  const m = results.meta.machine;
  const malloc = results.meta.mallocEnv || {};
  return (
    `${m.cpu}, ${m.cores} cores, ${m.totalMemGiB} GiB, ${m.platform}; Node ${results.meta.node}, ` +
    `tfjs ${results.meta.tfjs}${results.meta.chromium ? `, Chromium ${results.meta.chromium}` : ''}; ` +
    `load average ${m.loadAvgAtStart.join(' ')} at start, ${(m.loadAvgAtEnd || []).join(' ')} at end` +
    (Object.keys(malloc).length ? `; malloc env ${JSON.stringify(malloc)}` : '') +
    codeLine(results)
  );
}

function strategyNote(id, fs) {
  const trial = t =>
    Object.entries(t)
      .map(([k, v]) => `${k} ${fmtMs(v)}`)
      .join(', ');
  return (
    `${id} floor copy strategy: forward '${fs.forward.best}', backward '${fs.backward.best}' ` +
    `(trial ms: forward ${trial(fs.forward.trial)}; backward ${trial(fs.backward.trial)})`
  );
}

function backendNotes(results) {
  const notes = [];
  for (const [name, b] of Object.entries(results.meta.backends)) {
    if (b.status === 'skipped') notes.push(`${name}: ${b.note}`);
    else if (b.kernelPath) {
      notes.push(
        `${name}: the plain rows run the compiled ${b.kernelPath} kernels; the rows marked "compiled scalar" ` +
          'and "JS kernels" force those paths (setWasmKernelPath), timed in the same interleaved rounds',
      );
    } else if (b.renderer) {
      notes.push(`${name}: ${b.renderer} (WebGL ${b.webglVersion}, max texture ${b.maxTextureSize})`);
    } else if (b.tfjsNode) {
      notes.push(
        `${name}: tfjs-node ${b.tfjsNode}, libtensorflow ${b.libtensorflow}, loaded from .ci/tfjs-node on the ` +
          "bench's tfjs-core; every timed call ends with dataSync() of its results",
      );
    }
  }
  for (const e of [...results.workloads, ...(results.sensorWorkloads || [])]) {
    for (const [name, b] of Object.entries(e.backends)) {
      const all = results.meta.backends[name] && results.meta.backends[name].status === 'skipped';
      if (b.skipped && !all) notes.push(`${e.id} on ${name}: skipped, ${b.skipped}`);
      if (b.error) notes.push(`${e.id} on ${name}: error, ${b.error}`);
      for (const n of b.notes || []) notes.push(`${e.id} on ${name}: ${n}`);
    }
    for (const b of Object.values(e.backends)) if (b.floorStrategy) notes.push(strategyNote(e.id, b.floorStrategy));
  }
  return notes;
}

/** The targets grouped by target, in the order evaluateTargets gives them. */
function targetGroups(results) {
  const groups = new Map();
  for (const t of results.targets) {
    if (!groups.has(t.target)) groups.set(t.target, []);
    groups.get(t.target).push(t);
  }
  return groups;
}

function targetTally(results) {
  const n = h => results.targets.filter(t => t.holds === h).length;
  return `${n(true)} pass, ${n(false)} fail, ${n(null)} n/a`;
}

/** Where the sensor's peers come from, and the bilinear peer's recipe and check, when they ran. */
function peersLine(results) {
  const p = results.meta.sensorPeers;
  if (!p || !p.workloads) return null;
  const versions = Object.entries(p.versions || {})
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const line = `Sensor peers (tools/sensor_peers.py, this run, ${p.threads} threads; ${versions})`;
  const bilinear = Object.entries(p.workloads).flatMap(([id, peers]) =>
    Object.entries(peers)
      .filter(([, r]) => r.interpolation === 'bilinear')
      .map(([name, r]) => `${id} ${name} ${r.maxAbsDiffFromReference.toExponential(1)}`),
  );
  if (!bilinear.length) return `${line}.`;
  return (
    `${line}. The bilinear peer, beside the fused sensor with interpolation 'bilinear': per scale s, ` +
    "torch.nn.functional.grid_sample (mode 'bilinear', align_corners=False, padding_mode 'zeros', 'border' for " +
    'edge padding) samples the (h*s) x (w*s) window at its corner before truncation, then avg_pool2d(s); ' +
    `max |difference| from a float64 reference of the bilinear sensor: ${bilinear.join(', ')}`
  );
}

function tfBaselineLine(results) {
  const tfb = results.meta.tfBaseline;
  if (!tfb || !tfb.results) return null;
  const source = tfb.thisRun ? 'tools/tf_baseline.py, this run' : `${tfb.note}; measured ${tfb.date}`;
  const numpy = r => (r.withNumpyMedianMs ? ` (${fmtMs(r.withNumpyMedianMs)} with .numpy())` : '');
  return (
    `TensorFlow native ExtractGlimpseV2 (${source}, TF ${tfb.tensorflow}): ` +
    Object.entries(tfb.results)
      .map(([id, r]) => `${id} ${fmtMs(r.medianMs)} ms${numpy(r)}`)
      .join(', ')
  );
}

/** A text table (stdout): aligned columns, a blank line between workloads, notes in line. */
function textTable(rows, columns) {
  const cells = rows.map(r => (r.note ? null : columns.map(([k]) => r[k] ?? '')));
  const widths = columns.map(([, title], i) => Math.max(title.length, ...cells.filter(Boolean).map(c => c[i].length)));
  const pad = (v, i) => (RIGHT.has(columns[i][0]) ? v.padStart(widths[i]) : v.padEnd(widths[i]));
  const line = c => c.map(pad).join('  ');
  const out = [line(columns.map(c => c[1])), widths.map(w => '-'.repeat(w)).join('  ')];
  let last = null;
  rows.forEach((r, i) => {
    if (last !== null && r.workload !== last) out.push('');
    last = r.workload;
    const first = String(r[columns[0][0]]).padEnd(widths[0]);
    if (r.note) out.push(`${first}  ${r.backend.padEnd(widths[1])}  ${r.method}: ${r.note}`);
    else out.push(line(cells[i]));
  });
  return out;
}

/** A Markdown table; a row with a note (skipped, failed, not available) says it in its method cell. */
function mdTable(rows, columns) {
  const out = [`| ${columns.map(c => c[1]).join(' | ')} |`];
  out.push(`|${columns.map(([k]) => (RIGHT.has(k) ? '---:' : '---')).join('|')}|`);
  const empty = ' |'.repeat(columns.length - 3);
  for (const r of rows) {
    const why = r.note === 'not available' ? 'not available' : 'see the notes';
    if (r.note) out.push(`| ${r.id} | ${r.backend} | ${r.method} (${why}) |${empty}`);
    else out.push(`| ${columns.map(([k]) => r[k] ?? '').join(' | ')} |`);
  }
  return out;
}

/** The sensor table's title; the composite has zero padding whatever the workload's. */
function sensorTitle(results) {
  const other = results.sensorWorkloads.filter(e => e.padding !== 'zero');
  const pads = other.map(e => `${e.id} has ${e.padding} padding, its composite zero padding`).join('; ');
  const title = 'Glimpse sensor: the fused op against the composite (extractGlimpse + avgPool + stack)';
  return `${title}${pads ? `; ${pads}` : ''}:`;
}

export function formatText(results, rows) {
  const out = [];
  out.push(`tfjs-extract-glimpse benchmark, ${results.date}`);
  out.push(machineLine(results));
  out.push('');
  if (rows.length) out.push(...textTable(rows, COLUMNS), '');
  const sensor = sensorRows(results);
  if (sensor.length) out.push(sensorTitle(results), '', ...textTable(sensor, SENSOR_COLUMNS), '');
  out.push(`Targets, from this run (${targetTally(results)}):`);
  const mark = h => (h === true ? 'PASS' : h === false ? 'FAIL' : 'n/a ');
  for (const [target, ts] of targetGroups(results)) {
    out.push(`  ${target}`);
    for (const t of ts) out.push(`    ${mark(t.holds)} ${t.workload}  ${t.detail}`);
  }
  const notes = backendNotes(results);
  const peers = peersLine(results);
  if (peers) notes.push(peers);
  if (notes.length) {
    out.push('');
    out.push('Notes:');
    for (const n of notes) out.push(`  - ${n}`);
  }
  const tf = tfBaselineLine(results);
  if (tf) out.push('', tf);
  return out.join('\n');
}

export function formatMarkdown(results, rows) {
  const out = [];
  const quick = results.meta.options.quick ? ', --quick' : '';
  out.push(...wrap(`Run of ${results.date} (${results.meta.totalSeconds} s${quick}): ${machineLine(results)}.`));
  out.push('');
  if (rows.length) out.push(...mdTable(rows, MD_COLUMNS), '');
  const sensor = sensorRows(results);
  if (sensor.length) out.push(...wrap(sensorTitle(results)), '', ...mdTable(sensor, SENSOR_COLUMNS), '');
  out.push(`Targets, from this run (${targetTally(results)}):`);
  out.push('');
  const mark = h => (h === true ? '✅' : h === false ? '❌' : 'n/a');
  for (const [target, ts] of targetGroups(results)) {
    out.push(`- ${target}:`);
    for (const t of ts) out.push(...wrap(`${mark(t.holds)} ${t.workload}: ${t.detail}`, '  - ', '    '));
  }
  const notes = backendNotes(results);
  const peers = peersLine(results);
  if (peers) notes.push(peers);
  const tf = tfBaselineLine(results);
  if (tf) notes.push(tf);
  if (notes.length) {
    out.push('');
    out.push('Notes:');
    out.push('');
    for (const n of notes) out.push(...wrap(n, '- ', '  '));
  }
  out.push('');
  out.push('![benchmark chart](chart.svg)');
  return out.join('\n');
}
