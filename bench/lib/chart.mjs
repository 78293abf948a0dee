// bench/chart.svg: grouped bars, median ms per call, log scale, a panel for the op's workloads and
// one for the sensor's (per workload and direction): bench/chart.json's vega-lite spec, rendered by vega.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {View, parse} from 'vega';
import {compile} from 'vega-lite';
import {BENCH} from './paths.mjs';
import {BACKEND_ORDER, LABELS} from './report.mjs';

const CHART = JSON.parse(fs.readFileSync(path.join(BENCH, 'chart.json'), 'utf8'));
const SERIES = LABELS.chartSeries;
// The sensor panel's: per backend the fused op in its kernel's colour, the composite in its composite's.
const color = (backend, method) => SERIES.find(s => s.backend === backend && s.method === method).color;
const SENSOR_SERIES = BACKEND_ORDER.flatMap(backend => [
  {label: `${backend} fused`, backend, fused: true, color: color(backend, 'kernel')},
  {label: `${backend} composite`, backend, fused: false, color: color(backend, 'composite')},
]);

const median = (e, backend, key) => e.backends[backend]?.methods?.[key]?.medianMs ?? null;
const value = (results, e, s) =>
  s.tf ? (results.meta.tfBaseline?.results?.[e.id]?.medianMs ?? null) : median(e, s.backend, s.method);
const notExact = b => b?.verified?.composite?.mismatches > 0;
const sensorValue = (g, s) =>
  median(g.entry, s.backend, `sensor${s.fused ? '' : '-composite'}${g.backward ? '-grad' : ''}`);

/**
 * One panel: a group of bars per `groups` element (`value(g, s)` for each of `series`; `wrong(g, s)`
 * dashes a bar), the group's label over its `sub` line, a legend of the series shown; null when empty.
 */
function panel(title, groups, series, value, wrong) {
  const bars = groups.flatMap(g =>
    series.map(s => ({group: `${g.label}|${g.sub}`, series: s.label, ms: value(g, s), wrong: wrong(g, s)})),
  );
  const values = bars.filter(d => d.ms != null && d.ms > 0);
  if (!values.length) return null;
  const shown = series.filter(s => values.some(d => d.series === s.label));
  const p = structuredClone(CHART.panel);
  Object.assign(p.title, {text: title, subtitle: values.some(d => d.wrong) ? [CHART.dashedNote] : []});
  p.data = {values};
  p.encoding.xOffset.sort = shown.map(s => s.label);
  // Unstacked (y.stack null): each bar from the axis' foot (a log scale has no zero).
  p.encoding.color.scale = {domain: shown.map(s => s.label), range: shown.map(s => s.color)};
  return p;
}

export async function renderChart(results) {
  const groups = results.workloads.map(e => ({
    entry: e,
    label: `${e.id} ${e.name}`,
    sub: `${e.inputShape.join('x')}, ${e.size.join('x')}, ${e.noise}`,
  }));
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
  const wrong = (g, s) => s.method === 'composite' && notExact(s.backend && g.entry.backends[s.backend]);
  const panels = [
    panel(CHART.titles[0], groups, SERIES, (g, s) => value(results, g.entry, s), wrong),
    panel(CHART.titles[1], sensorGroups, SENSOR_SERIES, sensorValue, () => false),
  ].filter(Boolean);
  const {machine: m, chromium, node, tfjs} = results.meta;
  const browser = chromium ? `, Chromium ${chromium} (SwiftShader)` : '';
  const spec = structuredClone(CHART.spec);
  spec.title.text = `tfjs-extract-glimpse: median ms per call (log scale), ${results.date.slice(0, 10)}`;
  spec.title.subtitle = `${m.cpu}, ${m.cores} cores, Node ${node}${browser}; tfjs ${tfjs}`;
  spec.vconcat = panels;
  const view = new View(parse(compile(spec).spec), {renderer: 'none'});
  return (await view.toSVG()) + '\n';
}
