// bench/chart.svg: grouped bars, median ms per call, log scale: one panel with a group per
// workload, then one for the glimpse sensor (a group per sensor workload and direction). A
// vega-lite spec, rendered to SVG by vega in Node (no canvas needed).
import {View, parse} from 'vega';
import {compile} from 'vega-lite';
import {LABELS} from './report.mjs';

const {chartSeries: SERIES, chartSensorColors: SENSOR_COLORS} = LABELS;
const SENSOR_SERIES = Object.entries(SENSOR_COLORS).flatMap(([backend, [dark, light]]) => [
  {label: `${backend} fused`, backend, fused: true, color: dark},
  {label: `${backend} composite`, backend, fused: false, color: light},
]);

function value(results, e, s) {
  if (s.tf) {
    const tfb = results.meta.tfBaseline;
    const r = tfb && tfb.results && tfb.results[e.id];
    return r ? r.medianMs : null;
  }
  const b = e.backends[s.backend];
  return b && b.methods && b.methods[s.method] ? b.methods[s.method].medianMs : null;
}

const notExact = b => b && b.verified && b.verified.composite && b.verified.composite.mismatches > 0;

function sensorValue(group, s) {
  const b = group.entry.backends[s.backend];
  const key = `sensor${s.fused ? '' : '-composite'}${group.backward ? '-grad' : ''}`;
  return b && b.methods && b.methods[key] ? b.methods[key].medianMs : null;
}

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
  const note = values.some(d => d.wrong)
    ? ["dashed: that composite's output is not pixel-exact (a tfjs bug on that backend)"]
    : [];
  const dashed = (on, off) => ({condition: {test: 'datum.wrong', value: on}, value: off});
  return {
    title: {text: title, subtitle: note, anchor: 'start', subtitleColor: '#c62828'},
    width: 860,
    height: 360,
    data: {values},
    mark: {type: 'bar', strokeWidth: 1},
    encoding: {
      x: {
        field: 'group',
        type: 'nominal',
        sort: null,
        title: null,
        axis: {labelAngle: 0, labelLimit: 0, labelExpr: "split(datum.label, '|')"},
      },
      xOffset: {field: 'series', sort: shown.map(s => s.label)},
      // Unstacked: each bar from the axis' foot (a log scale has no zero).
      y: {field: 'ms', type: 'quantitative', stack: null, scale: {type: 'log'}, title: 'ms per call (median)'},
      color: {
        field: 'series',
        scale: {domain: shown.map(s => s.label), range: shown.map(s => s.color)},
        legend: {orient: 'bottom', columns: 3, title: null, labelLimit: 0},
      },
      opacity: dashed(0.45, 1),
      stroke: dashed('#c62828', null),
      strokeDash: dashed([3, 2], [1, 0]),
    },
  };
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
  const panels = [
    panel(
      'ExtractGlimpse: the op, its composite, floors',
      groups,
      SERIES,
      (g, s) => value(results, g.entry, s),
      (g, s) => s.method === 'composite' && notExact(s.backend && g.entry.backends[s.backend]),
    ),
    panel(
      'Glimpse sensor: fused op against the composite (extractGlimpse + avgPool + stack), forward and tf.grad',
      sensorGroups,
      SENSOR_SERIES,
      sensorValue,
      () => false,
    ),
  ].filter(Boolean);
  const mach = results.meta.machine;
  const chromium = results.meta.chromium ? `, Chromium ${results.meta.chromium} (SwiftShader)` : '';
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `tfjs-extract-glimpse: median ms per call (log scale), ${results.date.slice(0, 10)}`,
      subtitle: `${mach.cpu}, ${mach.cores} cores, Node ${results.meta.node}${chromium}; tfjs ${results.meta.tfjs}`,
      fontSize: 16,
    },
    background: '#ffffff',
    config: {font: 'Helvetica, Arial, sans-serif'},
    vconcat: panels,
    resolve: {scale: {color: 'independent', x: 'independent', xOffset: 'independent'}},
  };
  const view = new View(parse(compile(spec).spec), {renderer: 'none'});
  return (await view.toSVG()) + '\n';
}
