// A training run's checkpoint, so that it can stop and go on later, on another machine too:
// a folder `epoch-<N>` per completed epoch (the newest kept) holding the model's weights, the
// best weights so far (by validation error), the optimizer's state (tfjs's getWeights: Adam's
// step count and moments, in the order of the model's variables) and `state.json` (epoch,
// learning curve, best epoch, the run's settings). A folder is written under a temporary
// name and renamed when complete, so a run stopped mid-write leaves the previous one whole.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs';

const FORMAT = 'tfjs-extract-glimpse/ram-checkpoint';
const FOLDER = /^epoch-(\d+)$/;

async function writeTensors(dir, name, tensors) {
  const {data, specs} = await tf.io.encodeWeights(tensors);
  fs.writeFileSync(path.join(dir, `${name}.bin`), new Uint8Array(data));
  return specs;
}

function readTensors(dir, name, specs) {
  const bytes = fs.readFileSync(path.join(dir, `${name}.bin`));
  const data = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const values = tf.io.decodeWeights(data, specs);
  return specs.map(s => ({name: s.name, tensor: values[s.name]}));
}

/** The variables' values as named tensors, by the model's saved names. */
const named = variables => Object.entries(variables).map(([name, v]) => ({name, tensor: v}));

/**
 * Saves epoch `state.epoch`: `model` (its named variables), `best` (named tensors or the
 * model's own), `optimizer`, and `state` (JSON).
 */
export async function saveCheckpoint(root, {model, best, optimizer, state}) {
  fs.mkdirSync(root, {recursive: true});
  const final = path.join(root, `epoch-${state.epoch}`);
  const temporary = `${final}.partial`;
  fs.rmSync(temporary, {recursive: true, force: true});
  fs.mkdirSync(temporary);
  const specs = {
    weights: await writeTensors(temporary, 'weights', named(model.named)),
    best: await writeTensors(temporary, 'best', best ?? named(model.named)),
    optimizer: await writeTensors(temporary, 'optimizer', await optimizer.getWeights()),
  };
  fs.writeFileSync(path.join(temporary, 'state.json'), JSON.stringify({format: FORMAT, ...state, specs}) + '\n');
  fs.rmSync(final, {recursive: true, force: true});
  fs.renameSync(temporary, final);
  for (const entry of fs.readdirSync(root)) {
    const m = FOLDER.exec(entry);
    if (m && Number(m[1]) < state.epoch) fs.rmSync(path.join(root, entry), {recursive: true, force: true});
  }
}

/** The newest complete checkpoint under `root`, or null: `{state, weights, best, optimizer}`. */
export function loadCheckpoint(root) {
  if (!fs.existsSync(root)) return null;
  const epochs = fs
    .readdirSync(root)
    .map(e => FOLDER.exec(e))
    .filter(m => m && fs.existsSync(path.join(root, m[0], 'state.json')))
    .map(m => Number(m[1]));
  if (epochs.length === 0) return null;
  const dir = path.join(root, `epoch-${Math.max(...epochs)}`);
  const state = JSON.parse(fs.readFileSync(path.join(dir, 'state.json'), 'utf8'));
  if (state.format !== FORMAT) throw new Error(`loadCheckpoint: ${dir} is not a checkpoint (format ${state.format})`);
  return {
    state,
    weights: readTensors(dir, 'weights', state.specs.weights),
    best: readTensors(dir, 'best', state.specs.best),
    optimizer: readTensors(dir, 'optimizer', state.specs.optimizer),
  };
}

/** Assigns named tensors to the model's variables of the same names. */
export function assignNamed(model, tensors) {
  for (const {name, tensor} of tensors) {
    const variable = model.named[name];
    if (!variable) throw new Error(`checkpoint: the model has no variable ${name}`);
    if (!tf.util.arraysEqual(variable.shape, tensor.shape))
      throw new Error(`checkpoint: ${name} has shape [${tensor.shape}], the model needs [${variable.shape}]`);
    variable.assign(tensor);
  }
}
