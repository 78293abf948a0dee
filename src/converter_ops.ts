/**
 * Graph-model executors for converted TensorFlow models holding ExtractGlimpse (TF1 graphs,
 * `tf.compat.v1.image.extract_glimpse`) or ExtractGlimpseV2 (TF2's `tf.image.extract_glimpse`).
 * They must be registered before `tf.loadGraphModel`: the converter fixes each node's op
 * category when the model loads, so a later registration still gives "Unknown op".
 */
import {Tensor, tidy, type Tensor1D, type Tensor4D} from '@tensorflow/tfjs-core';
import type {GraphNode, OpExecutor} from '@tensorflow/tfjs-converter';
// The main entry's public names only: the models entry's build imports that entry, not a copy of it.
import {ExtractGlimpse, ExtractGlimpseV2, extractGlimpse, type GlimpseVersion, type NoiseAttr} from './index';

/** TF's attr defaults: a graph written before an attr existed simply lacks it. */
const TF_ATTR_DEFAULTS = {centered: true, normalized: true, uniform_noise: true, noise: 'uniform'};

function attr<T>(opName: string, node: GraphNode, name: keyof typeof TF_ATTR_DEFAULTS, kind: string): T {
  const value = node.attrs[name] ?? TF_ATTR_DEFAULTS[name];
  if (typeof value !== kind) {
    throw new Error(
      `${opName}: graph attr '${name}' must be a ${kind}, got ${String(JSON.stringify(value)).slice(0, 80)}`,
    );
  }
  return value as T;
}

/**
 * A model may hold several glimpse nodes, so errors say which one failed. The converter hands
 * custom executors a wrapper of the graph's node (`NodeValueImpl`, whose `node` holds the
 * name); the public type does not declare it, so it is read defensively.
 */
function nodeLabel(node: GraphNode, opName: string): string {
  const graphNode = (node as {node?: {name?: unknown}}).node;
  const name = typeof graphNode?.name === 'string' ? graphNode.name : undefined;
  return name === undefined ? `${opName} graph node` : `${opName} graph node ${JSON.stringify(name)}`;
}

function executor(version: GlimpseVersion): OpExecutor {
  const opName = version === 1 ? ExtractGlimpse : ExtractGlimpseV2;
  // Synchronous, so `model.execute` works as well as `executeAsync`. The converter does not
  // wrap custom executors in a scope: `tidy` frees what this one makes, never node.inputs.
  return (node: GraphNode) => {
    try {
      return tidy(() => {
        const [input, size, offsets] = node.inputs;
        if (!(size instanceof Tensor)) throw new Error(`${opName}: graph node has no 'size' input`);
        return extractGlimpse(
          input as Tensor4D,
          size as Tensor1D,
          offsets,
          attr<boolean>(opName, node, 'centered', 'boolean'),
          attr<boolean>(opName, node, 'normalized', 'boolean'),
          attr<NoiseAttr>(opName, node, 'noise', 'string'),
          {version, uniformNoise: attr<boolean>(opName, node, 'uniform_noise', 'boolean')},
        );
      });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      throw new Error(`${nodeLabel(node, opName)}: ${message}`);
    }
  };
}

export const extractGlimpseExecutor = executor(1);
export const extractGlimpseV2Executor = executor(2);

export type RegisterOp = (name: string, opFunc: OpExecutor) => void;

/** The converter's registry is a module variable: remember, per converter copy, that we registered. */
const REGISTERED = Symbol.for('tfjs-extract-glimpse.converter-ops');

export function registerConverterOps(registerOp: RegisterOp | undefined): void {
  if (typeof registerOp !== 'function') return; // no converter in the app
  const store = globalThis as unknown as Record<symbol, WeakSet<RegisterOp> | undefined>;
  const seen = store[REGISTERED] ?? (store[REGISTERED] = new WeakSet<RegisterOp>());
  if (seen.has(registerOp)) return;
  seen.add(registerOp);
  registerOp(ExtractGlimpse, extractGlimpseExecutor);
  registerOp(ExtractGlimpseV2, extractGlimpseV2Executor);
}
