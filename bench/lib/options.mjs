// Command-line options of bench/run.mjs.

export const USAGE =
  'node bench/run.mjs [--only=W1,S2] [--backends=cpu,wasm,tensorflow,webgl,webgpu] [--quick] [--no-write] ' +
  '[--no-tf-baseline]';

export function parseArgs(argv) {
  const o = {
    only: null,
    backends: ['cpu', 'wasm', 'tensorflow', 'webgl', 'webgpu'],
    quick: false,
    write: true,
    tfBaseline: true,
  };
  for (const a of argv) {
    if (a.startsWith('--only=')) o.only = a.slice(7).split(',').filter(Boolean);
    else if (a.startsWith('--backends=')) o.backends = a.slice(11).split(',').filter(Boolean);
    else if (a === '--quick') o.quick = true;
    else if (a === '--no-write') o.write = false;
    else if (a === '--no-tf-baseline') o.tfBaseline = false;
    else if (a === '--help' || a === '-h') o.help = true;
    else throw new Error(`unknown argument ${a} (see --help)`);
  }
  return o;
}
