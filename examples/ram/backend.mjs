// The fastest Node backend there is: tensorflow (tfjs-node, where tools/setup_tfjs_node.sh
// has set it up), else wasm, else cpu; or the one asked for.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {fileURLToPath} from 'node:url';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import {loadTfjsNode} from '../../tools/tfjs_node.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Sets and returns the backend: `wanted`, or the first of tensorflow, wasm, cpu that starts. */
export async function pickBackend(wanted) {
  const order = wanted ? [wanted] : ['tensorflow', 'wasm', 'cpu'];
  for (const name of order) {
    if (name === 'tensorflow' && !wanted && !fs.existsSync(path.join(ROOT, '.ci', 'tfjs-node', 'node_modules')))
      continue;
    if (name === 'tensorflow' && !loadTfjsNode(tf).ok) continue;
    if (await tf.setBackend(name).catch(() => false)) {
      await tf.ready();
      return name;
    }
  }
  throw new Error(`no backend among ${order.join(', ')} started`);
}
