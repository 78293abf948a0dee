// The targets (bench/targets.json), checked on this run's medians: every ratio compares two figures
// of the same run. TensorFlow's own figures come from tools/tf_baseline.py run by this run, or,
// without the .venv-tf environment, from the committed bench/tf_baseline.json: the line says so.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {BENCH} from './paths.mjs';
import {fill, fmtMs} from './report.mjs';

// A row with `backends` stands for one row per backend (of each of its `rows`, in turn, when it has them).
const expand = ({backends, rows, ...t}) =>
  backends
    ? backends.flatMap(backend => (rows ?? [t]).map(r => ({...r, backend, target: fill(r.target, {backend})})))
    : [t];
export const TARGETS = JSON.parse(fs.readFileSync(path.join(BENCH, 'targets.json'), 'utf8')).targets.flatMap(expand);
/** The reference anchors' figure for TensorFlow 2.21's native CPU kernel on W3, ms per call. */
export const TF_NATIVE_W3_ANCHOR_MS = TARGETS.find(t => t.fallback).fallback.ms;

const NODE = ['cpu', 'wasm', 'tensorflow'];
const x = r => `${r.toFixed(2)}x`;
const ms = v => `${fmtMs(v)} ms`;
const method = (e, backend, key) => e.backends[backend]?.methods?.[key]?.medianMs ?? null;

/** Why a backend has no figures for a workload, or null when it has them. */
function missing(e, backend) {
  const b = e.backends[backend];
  if (!b) return 'not measured';
  if (b.skipped) return `skipped: ${b.skipped}`;
  if (b.error) return `error: ${b.error}`;
  return b.methods && (b.notes || []).find(n => /not available/.test(n));
}

/** A figure named in targets.json on one workload and backend: {ms, source?} or {why} when absent. */
function figure(results, e, backend, ref, t) {
  const [kind, name] = ref.includes(':') ? ref.split(':') : [null, ref];
  if (kind === 'floor') {
    // The floors are plain JS, timed beside the first Node backend run.
    const v = NODE.map(b => method(e, b, name)).find(v => v != null);
    return v != null ? {ms: v} : {why: 'no floor timed (cpu not run)'};
  }
  if (kind === 'tf' || ref === 'anchor') {
    const tfb = results.meta.tfBaseline;
    const r = tfb?.results?.[e.id];
    if (ref === 'anchor') return r ? {ms: t.fallback.ms} : {};
    const source = tfb?.thisRun
      ? 'tools/tf_baseline.py, this run'
      : `bench/tf_baseline.json of ${tfb?.date}, NOT this run`;
    if (r?.[name] != null) return {ms: r[name], source};
    if (t.fallback) return {ms: t.fallback.ms, source: t.fallback.source};
    return {why: 'no TensorFlow figure (tools/tf_baseline.py did not run, no bench/tf_baseline.json)'};
  }
  if (kind === 'peer') {
    const peers = e.peers;
    const nearest = Object.values(peers || {}).filter(p => (p.interpolation ?? 'nearest') === 'nearest');
    const v = !peers ? null : name === 'fastest' ? Math.min(...nearest.map(p => p.ms)) : peers[name]?.ms;
    if (v != null && Number.isFinite(v)) return {ms: v};
    return {why: peers ? 'figures missing' : results.meta.sensorPeers?.note || 'no peers'};
  }
  // The zero-noise kernel: the workload's own call when its noise is zero.
  const key = name.replace('zero-noise-kernel', e.noise === 'zero' ? 'kernel' : 'kernel-zero');
  const v = method(e, kind ?? backend, key);
  if (v != null) return {ms: v};
  return {why: kind ? `${kind}: ${missing(e, kind) || 'no figure'}` : missing(e, backend) || 'figures missing'};
}

/** The line's ratio without a target (`beside`), as `; text`, or '' when a figure is missing. */
function beside(results, t, e) {
  if (!t.beside) return '';
  const a = figure(results, e, t.backend, t.beside.measure, t).ms;
  const b = figure(results, e, t.backend, t.beside.reference, t).ms;
  if (a == null || !(b > 0)) return '';
  const values = {measure: ms(a), reference: ms(b), ratio: x(a / b)};
  return `; ${fill(t.beside.text, values)}`;
}

/** One line of a target on one workload: holds null ("n/a") with the reason when a figure is missing. */
function check(results, t, e) {
  const base = {target: t.target, workload: e.id, backend: t.backend, limit: t.limit};
  if (t.atLeast) base.atLeast = true;
  const m = figure(results, e, t.backend, t.measure, t);
  const r = figure(results, e, t.backend, t.reference, t);
  if (t.optional && m.ms == null && r.ms == null) return null;
  if (m.ms == null || r.ms == null || !(r.ms > 0 && m.ms > 0))
    return {...base, value: null, holds: null, detail: m.why || (m.ms == null ? '' : r.why) || 'figures missing'};
  const [num, den] = t.atLeast ? [r, m] : [m, r];
  const [numLabel, denLabel] = t.atLeast ? [...t.labels].reverse() : t.labels;
  const value = num.ms / den.ms;
  const source = r.source ? `, ${r.source}` : '';
  const detail = `${x(value)} (${numLabel} ${ms(num.ms)} / ${denLabel} ${ms(den.ms)}${source}${beside(results, t, e)})`;
  return {...base, value, holds: t.atLeast ? value >= t.limit : value <= t.limit, detail};
}

/** Every target of targets.json on every workload it names that its backend was asked to run. */
export function evaluateTargets(results) {
  const all = [...results.workloads, ...(results.sensorWorkloads || [])];
  return TARGETS.flatMap(t => {
    const named = w => (Array.isArray(t.workloads) ? t.workloads.includes(w.id) : w.id[0] === t.workloads[0]);
    return all.filter(e => named(e) && e.backends[t.backend]).map(e => check(results, t, e));
  }).filter(Boolean);
}
