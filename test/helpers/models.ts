/**
 * Converted TensorFlow models from test/fixtures/models/, loaded through an IOHandler that
 * reads the files (no network), and the check of their outputs against TF's io.json.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as tf from '@tensorflow/tfjs-core';
import {fromBits, toBits} from './golden_check';

export const MODELS_DIR = path.join(__dirname, '..', 'fixtures', 'models');
export const MODEL_NAMES = ['v2_zero', 'v1_zero', 'demo_sensor'];

export interface ModelRun {
  name: string;
  inputs: Record<string, {shape: number[]; dtype: string; values: number[]}>;
  outputs: Record<string, {kind: 'exact' | 'approx'; shape: number[]; values: number[]}>;
}

export function readModelJSON(model: string): tf.io.ModelJSON {
  return JSON.parse(fs.readFileSync(path.join(MODELS_DIR, model, 'model.json'), 'utf8'));
}

export function readRuns(model: string): ModelRun[] {
  return JSON.parse(fs.readFileSync(path.join(MODELS_DIR, model, 'io.json'), 'utf8')).runs;
}

/** An IOHandler over the model's files; `edit` may change the model JSON first. */
export function fileHandler(model: string, edit?: (json: tf.io.ModelJSON) => void): tf.io.IOHandler {
  const json = readModelJSON(model);
  edit?.(json);
  return {
    load: () =>
      tf.io.getModelArtifactsForJSON(json, async manifest => {
        const specs = manifest.flatMap(group => group.weights);
        const buffers = manifest.flatMap(group =>
          group.paths.map(p => fs.readFileSync(path.join(MODELS_DIR, model, p))),
        );
        const bytes = Buffer.concat(buffers);
        return [specs, bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)];
      }),
  };
}

/**
 * Findings of one output against TF's: `exact` bit for bit, `approx` (outputs of other
 * ops, such as the demo's bilinear resize) within 1e-5 + 1e-4 * |expected|.
 */
export function checkOutput(
  label: string,
  want: ModelRun['outputs'][string],
  shape: number[],
  values: ArrayLike<number>,
): string[] {
  if (JSON.stringify(shape) !== JSON.stringify(want.shape)) {
    return [`${label}: shape ${JSON.stringify(shape)}, TF ${JSON.stringify(want.shape)}`];
  }
  for (let k = 0; k < want.values.length; k++) {
    const w = want.values[k];
    const g = values[k];
    const ok = want.kind === 'exact' ? toBits(g) === toBits(w) : Math.abs(g - w) <= 1e-5 + 1e-4 * Math.abs(w);
    if (!ok) return [`${label}: at flat ${k} got ${fromBits(toBits(g))}, TF ${w} (${want.kind})`];
  }
  return [];
}
