// The results table and the targets: as text on stdout, and as Markdown for the results
// section of bench/README.md.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {markdownTable} from 'markdown-table';
import {BENCH} from './paths.mjs';

export const BACKEND_ORDER = ['cpu', 'wasm', 'tensorflow', 'webgl', 'webgpu'];
const NODE = ['cpu', 'wasm', 'tensorflow'];

// The methods' names in the tables, in their order, the columns, the notes' wording and the
// chart's series (bench/labels.json).
export const LABELS = JSON.parse(fs.readFileSync(path.join(BENCH, 'labels.json'), 'utf8'));
const {peers: PEER_LABELS, notes: NOTES} = LABELS;
// Each method's labels, then its wasm-only rows: the same calls on the compiled scalar build and on the JS kernels.
const wasmRows = ([k, n]) => [
  [`${k}-scalar`, `${n}, compiled scalar (wasm)`],
  [`${k}-js`, `${n}, JS kernels (wasm)`],
];
const labels = (a, b) => ({...LABELS[a], ...Object.fromEntries(Object.entries(LABELS[b]).flatMap(wasmRows))});
const [METHOD_LABELS, SENSOR_LABELS] = [labels('methods', 'wasmPaths'), labels('sensorMethods', 'sensorWasmPaths')];
// Each composite row's ratio: over the fused method it replaces.
const SENSOR_FUSED_OF = {'sensor-composite': 'sensor', 'sensor-composite-grad': 'sensor-grad'};

/** `template` with each {name} replaced by values[name]. */
export const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => values[k]);

export const fmtMs = x =>
  x == null || !Number.isFinite(x) ? '-' : x.toFixed(x < 1 ? 3 : x < 10 ? 2 : x < 100 ? 1 : 0);

export const fmtBytes = b =>
  b == null ? '-' : b === 0 ? '0' : b < 2 ** 20 ? `${(b / 1024).toFixed(1)} KiB` : `${(b / 2 ** 20).toFixed(1)} MiB`;

const ratio = (a, b) => (a != null && b != null && b > 0 ? `${(a / b).toFixed(2)}x` : '');

/**
 * One row per entry x backend x method of `list`, in BACKEND_ORDER and the order of `labels`;
 * `extra(e, b, key, r)` adds the row's ratios, `absent(key)` says when a missing method gets a row.
 */
function rowsOf(list, labels, extra, absent = () => false) {
  const rows = [];
  for (const e of list) {
    for (const backend of BACKEND_ORDER.filter(x => e.backends[x])) {
      const b = e.backends[backend];
      const base = {id: e.id, backend};
      if (b.skipped || b.error) {
        rows.push({...base, method: b.skipped ? 'skipped' : 'error', note: b.skipped || b.error});
        continue;
      }
      for (const [key, method] of Object.entries(labels)) {
        const r = b.methods[key];
        if (!r && absent(key)) rows.push({...base, method, note: 'not available'});
        if (!r) continue;
        const [ms, reps, peak] = [fmtMs(r.medianMs), String(r.reps), fmtBytes(r.peakBytes)];
        const gpuPeak = r.peakGpuBytes == null ? '' : fmtBytes(r.peakGpuBytes);
        rows.push({...base, method, key, ms, reps, peak, gpuPeak, ...extra(e, backend, key, r)});
      }
    }
  }
  return rows;
}

/**
 * The op's rows: kernel / floor (the backward kernel's row: over the backward floors; on GPU
 * backends the zero-noise kernel over tf.slice, same read policy), composite / kernel.
 */
export function tableRows(results) {
  return rowsOf(results.workloads, METHOD_LABELS, (e, backend, key, r) => {
    const m = e.backends[backend].methods;
    const node = NODE.includes(backend);
    // The JS floors are timed once, beside the first Node backend: all compare with them.
    const floor = k => (m[k] || NODE.map(x => e.backends[x]?.methods?.[k]).find(Boolean))?.medianMs;
    const over = (k, other = m) => ratio(r.medianMs, other[k]?.medianMs);
    const f = {kernel: node && 'floor', 'grad-kernel': 'grad-floor'}[key];
    if (f) return {vsFloor: ratio(r.medianMs, floor(f)), vsFresh: ratio(r.medianMs, floor(`${f}-fresh`))};

    // GPU: the zero-noise kernel (the op itself when the workload has zero noise) over tf.slice.
    const zeroKey = e.noise === 'zero' ? 'kernel' : 'kernel-zero';
    if (!node && key === zeroKey) return {vsFloor: over('slice')};
    if (!node && key === `${zeroKey}-nrb`) return {vsFloor: over('slice-nrb')};
    if (key === 'composite') return {vsKernel: over('kernel')};
    if (key === 'composite-nrb') return {vsKernel: over('kernel-nrb')};
    return {};
  });
}

/** The glimpse sensor's rows: composite / fused on each composite row; then the peers' rows. */
export function sensorRows(results) {
  const list = results.sensorWorkloads || [];
  const fused = (e, backend, key) => e.backends[backend].methods[SENSOR_FUSED_OF[key]]?.medianMs;
  const vsFused = (e, backend, key, r) => ({vsFused: ratio(r.medianMs, fused(e, backend, key))});
  const rows = rowsOf(list, SENSOR_LABELS, vsFused, key => key === 'sensor' || key === 'sensor-grad');
  const peer = (e, name) => ({id: e.id, backend: 'peer', method: PEER_LABELS[name] || name});
  // Each workload's peers after its backends.
  return list.flatMap(e => [
    ...rows.filter(r => r.id === e.id),
    ...Object.entries(e.peers || {}).map(([name, r]) => ({...peer(e, name), ms: fmtMs(r.ms), reps: String(r.calls)})),
  ]);
}

// The columns: [row field, title]; numbers right-aligned.
const columns = keys => keys.split(' ').map(k => [k, LABELS.columns[k]]);
const COLUMNS = columns('id backend method ms reps vsFloor vsFresh vsKernel peak gpuPeak');
const SENSOR_COLUMNS = columns('id backend method ms reps vsFused peak gpuPeak');
const LEFT = new Set(['id', 'backend', 'method']);
const MD_WIDTH = 118;

/** Greedy word wrap: `first` prefixes the first line, `rest` the others. */
export function wrap(text, first = '', rest = first, width = MD_WIDTH) {
  const lines = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const n = lines.length;
    if (n && lines[n - 1].length + 1 + word.length <= width) lines[n - 1] += ` ${word}`;
    else lines.push((n ? rest : first) + word);
  }
  return lines.length ? lines : [first];
}

function machineLine({meta}) {
  const [m, c] = [meta.machine, meta.code || {}];
  const [malloc, u] = [meta.mallocEnv || {}, c.uncommittedFilesInSrcKernels];
  const dirty = u ? ` + ${u} uncommitted file(s) in src/kernels` : '';
  return (
    `${m.cpu}, ${m.cores} cores, ${m.totalMemGiB} GiB, ${m.platform}; Node ${meta.node}, ` +
    `tfjs ${meta.tfjs}${meta.chromium ? `, Chromium ${meta.chromium}` : ''}; ` +
    `load average ${m.loadAvgAtStart.join(' ')} at start, ${(m.loadAvgAtEnd || []).join(' ')} at end` +
    (Object.keys(malloc).length ? `; malloc env ${JSON.stringify(malloc)}` : '') +
    (c.commit ? `; code: commit ${c.commit}${dirty}, dist ESM sha256 ${c.distEsmSha256}…` : '')
  );
}

const list = (o, f) => Object.entries(o).map(f).join(', ');

function strategyNote(id, {forward, backward}) {
  const trial = t => list(t, ([k, v]) => `${k} ${fmtMs(v)}`);
  return (
    `${id} floor copy strategy: forward '${forward.best}', backward '${backward.best}' ` +
    `(trial ms: forward ${trial(forward.trial)}; backward ${trial(backward.trial)})`
  );
}

function backendNotes(results) {
  const notes = [];
  for (const [name, b] of Object.entries(results.meta.backends)) {
    if (b.status === 'skipped') notes.push(`${name}: ${b.note}`);
    else if (b.kernelPath) notes.push(fill(NOTES.wasmPaths, {name, ...b}));
    else if (b.renderer) notes.push(fill(NOTES.webgl, {name, ...b}));
    else if (b.tfjsNode) notes.push(fill(NOTES.tensorflow, {name, ...b}));
  }
  for (const e of [...results.workloads, ...(results.sensorWorkloads || [])]) {
    for (const [name, b] of Object.entries(e.backends)) {
      const all = results.meta.backends[name]?.status === 'skipped';
      if (b.skipped && !all) notes.push(`${e.id} on ${name}: skipped, ${b.skipped}`);
      if (b.error) notes.push(`${e.id} on ${name}: error, ${b.error}`);
      for (const n of b.notes || []) notes.push(`${e.id} on ${name}: ${n}`);
    }
    for (const b of Object.values(e.backends)) if (b.floorStrategy) notes.push(strategyNote(e.id, b.floorStrategy));
  }
  return notes;
}

/** Where the sensor's peers come from, and the bilinear peer's recipe and check, when they ran. */
function peersLine(results) {
  const p = results.meta.sensorPeers;
  if (!p || !p.workloads) return null;
  const versions = list(p.versions || {}, ([k, v]) => `${k} ${v}`);
  const line = `Sensor peers (tools/sensor_peers.py, this run, ${p.threads} threads; ${versions})`;
  const bilinear = Object.entries(p.workloads).flatMap(([id, peers]) =>
    Object.entries(peers)
      .filter(([, r]) => r.interpolation === 'bilinear')
      .map(([name, r]) => `${id} ${name} ${r.maxAbsDiffFromReference.toExponential(1)}`),
  );
  return bilinear.length ? `${line}. ${fill(NOTES.bilinearPeer, {diffs: bilinear.join(', ')})}` : `${line}.`;
}

function tfBaselineLine(results) {
  const tfb = results.meta.tfBaseline;
  if (!tfb || !tfb.results) return null;
  const source = tfb.thisRun ? 'tools/tf_baseline.py, this run' : `${tfb.note}; measured ${tfb.date}`;
  const numpy = r => (r.withNumpyMedianMs ? ` (${fmtMs(r.withNumpyMedianMs)} with .numpy())` : '');
  const figures = list(tfb.results, ([id, r]) => `${id} ${fmtMs(r.medianMs)} ms${numpy(r)}`);
  return `TensorFlow native ExtractGlimpseV2 (${source}, TF ${tfb.tensorflow}): ${figures}`;
}

/**
 * A table (markdown-table): aligned for the terminal, compact for bench/README.md. A row with a
 * note (skipped, failed, not available) says so in its method cell; the notes give the reason.
 */
function table(rows, columns, aligned) {
  const cells = rows.map(r => {
    if (!r.note) return columns.map(([k]) => r[k] ?? '');
    const why = r.note === 'not available' ? 'not available' : 'see the notes';
    return [r.id, r.backend, `${r.method} (${why})`, ...columns.slice(3).map(() => '')];
  });
  const align = columns.map(([k]) => (LEFT.has(k) ? '' : 'r'));
  return markdownTable([columns.map(c => c[1]), ...cells], {align, alignDelimiters: aligned}).split('\n');
}

/** The sensor table's title; the composite has zero padding whatever the workload's. */
function sensorTitle(results) {
  const other = results.sensorWorkloads.filter(e => e.padding !== 'zero');
  const pads = other.map(e => `${e.id} has ${e.padding} padding, its composite zero padding`).join('; ');
  const title = 'Glimpse sensor: the fused op against the composite (extractGlimpse + avgPool + stack)';
  return `${title}${pads ? `; ${pads}` : ''}:`;
}

/** The run as text (stdout) or Markdown (bench/README.md's results section). */
function format(results, rows, md) {
  const out = [];
  const para = text => (md ? wrap(text) : [text]);
  const quick = results.meta.options.quick ? ', --quick' : '';
  if (md)
    out.push(...wrap(`Run of ${results.date} (${results.meta.totalSeconds} s${quick}): ${machineLine(results)}.`));
  else out.push(`tfjs-extract-glimpse benchmark, ${results.date}`, machineLine(results));
  out.push('');
  if (rows.length) out.push(...table(rows, COLUMNS, !md), '');
  const sensor = sensorRows(results);
  if (sensor.length) out.push(...para(sensorTitle(results)), '', ...table(sensor, SENSOR_COLUMNS, !md), '');
  const n = h => results.targets.filter(t => t.holds === h).length;
  out.push(`Targets, from this run (${n(true)} pass, ${n(false)} fail, ${n(null)} n/a):`, ...(md ? [''] : []));
  const marks = md ? ['✅', '❌', 'n/a'] : ['PASS', 'FAIL', 'n/a '];
  const mark = h => marks[h === true ? 0 : h === false ? 1 : 2];
  // The targets grouped by target, in the order evaluateTargets gives them.
  for (const [target, ts] of Map.groupBy(results.targets, t => t.target)) {
    out.push(md ? `- ${target}:` : `  ${target}`);
    for (const t of ts) {
      if (md) out.push(...wrap(`${mark(t.holds)} ${t.workload}: ${t.detail}`, '  - ', '    '));
      else out.push(`    ${mark(t.holds)} ${t.workload}  ${t.detail}`);
    }
  }
  const notes = [...backendNotes(results), peersLine(results)].filter(Boolean);
  const tf = tfBaselineLine(results);
  if (md && tf) notes.push(tf);
  if (notes.length) out.push('', 'Notes:', ...(md ? [''] : []));
  for (const n of notes) out.push(...(md ? wrap(n, '- ', '  ') : [`  - ${n}`]));
  if (md) out.push('', '![benchmark chart](chart.svg)');
  else if (tf) out.push('', tf);
  return out.join('\n');
}

export const formatText = (results, rows) => format(results, rows, false);
export const formatMarkdown = (results, rows) => format(results, rows, true);
