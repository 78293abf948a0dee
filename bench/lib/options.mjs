// Command-line options of bench/run.mjs.
import {parseArgs as parse} from 'node:util';

export const USAGE =
  'node bench/run.mjs [--only=W1,S2] [--backends=cpu,wasm,tensorflow,webgl,webgpu] [--quick] [--no-write] ' +
  '[--no-tf-baseline] [--no-peers]';

const list = v => v.split(',').filter(Boolean);

export function parseArgs(argv) {
  const {values: v} = parse({
    args: argv,
    options: {
      only: {type: 'string'},
      backends: {type: 'string', default: 'cpu,wasm,tensorflow,webgl,webgpu'},
      quick: {type: 'boolean', default: false},
      'no-write': {type: 'boolean', default: false},
      'no-tf-baseline': {type: 'boolean', default: false},
      'no-peers': {type: 'boolean', default: false},
      help: {type: 'boolean', short: 'h', default: false},
    },
  });
  return {
    only: v.only === undefined ? null : list(v.only),
    backends: list(v.backends),
    quick: v.quick,
    write: !v['no-write'],
    tfBaseline: !v['no-tf-baseline'],
    peers: !v['no-peers'],
    help: v.help,
  };
}
