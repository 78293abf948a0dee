// Fails when a line of the project's code is over 120 characters: prettier wraps code at
// that width but leaves long strings and comments alone.
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';

const LIMIT = 120;
const files = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.js', '*.mjs', '*.cjs', '*.py', '*.sh'],
  {encoding: 'utf8'},
)
  .split('\n')
  .filter(Boolean);
const long = files.flatMap(file =>
  readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => (line.length > LIMIT ? [`${file}:${i + 1}: ${line.length} characters`] : [])),
);
if (long.length > 0) {
  console.error(`Lines over ${LIMIT} characters:\n${long.join('\n')}`);
  process.exit(1);
}
console.log(`${files.length} files, no line over ${LIMIT} characters`);
