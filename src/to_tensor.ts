import {cast, Tensor, tensor, type TensorLike} from '@tensorflow/tfjs-core';
import {describe} from './noise_mode';

/**
 * `input`/`offsets` as a float32 tensor: TensorLikes are parsed as float32 and int32 tensors
 * are cast (as tfjs's resize ops do). Other dtypes are refused, naming the argument.
 * Call inside the op's scope: a cast or parsed tensor is an intermediate it disposes.
 */
export function toFloatTensor(x: unknown, argName: string, opName: string): Tensor {
  if (x instanceof Tensor) {
    if (x.isDisposed) {
      throw new Error(`${opName}: ${argName} is a disposed tensor (shape ${describe(x.shape)})`);
    }
    if (x.dtype === 'float32') return x;
    if (x.dtype === 'int32') return cast(x, 'float32');
    throw new Error(
        `${opName}: ${argName} must be a float32 (or int32) tensor, got a ${x.dtype} tensor`);
  }
  if (!isNumericTensorLike(x)) {
    throw new Error(
        `${opName}: ${argName} must be a Tensor, a TypedArray or nested arrays of numbers, ` +
        `got ${x === null ? 'null' : typeof x}`);
  }
  return tensor(x as TensorLike, undefined, 'float32');
}

function isNumericTensorLike(x: unknown): boolean {
  if (typeof x === 'number') return true;
  if (ArrayBuffer.isView(x)) return true;
  if (!Array.isArray(x)) return false;
  let first: unknown = x;
  while (Array.isArray(first) && first.length > 0) first = first[0];
  return Array.isArray(first) || typeof first === 'number';
}
