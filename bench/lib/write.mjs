// The files a run writes: results.json (every figure, not committed) always; with writing on,
// chart.svg and the results section of bench/README.md, which are.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {renderChart} from './chart.mjs';
import {BENCH, log} from './paths.mjs';
import {formatMarkdown} from './report.mjs';

export const README_START = '<!-- bench:results:start -->';
export const README_END = '<!-- bench:results:end -->';

/** Replaces what lies between the markers; false when the file or a marker is missing. */
export function replaceSection(file, body) {
  if (!fs.existsSync(file)) return false;
  const text = fs.readFileSync(file, 'utf8');
  const i = text.indexOf(README_START),
    j = text.indexOf(README_END);
  if (i < 0 || j < i) return false;
  fs.writeFileSync(file, `${text.slice(0, i + README_START.length)}\n${body}\n${text.slice(j)}`);
  return true;
}

export async function writeResults(results, rows, write) {
  fs.writeFileSync(path.join(BENCH, 'results.json'), JSON.stringify(results, null, 1) + '\n');
  if (!write) {
    log('wrote bench/results.json (--no-write: chart.svg and README.md untouched)');
    return;
  }
  fs.writeFileSync(path.join(BENCH, 'chart.svg'), await renderChart(results));
  if (!replaceSection(path.join(BENCH, 'README.md'), formatMarkdown(results, rows))) {
    log(`bench/README.md has no ${README_START} ... ${README_END} section: its table was not updated`);
  }
  log('wrote bench/results.json, bench/chart.svg and the results section of bench/README.md');
}
