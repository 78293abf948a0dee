/**
 * The UMD form of load_converter.ts: the bundle maps every @tensorflow package to the global
 * `tf`, which has `registerOp` when a converter script (or the full tfjs bundle) was loaded.
 */
import * as converter from '@tensorflow/tfjs-converter';
import type {RegisterOp} from './converter_ops';

export function converterRegisterOp(): RegisterOp | undefined {
  return (converter as {registerOp?: RegisterOp}).registerOp;
}
