import {cast, Tensor, tensor, type TensorLike} from '@tensorflow/tfjs-core';
import {formatValue} from './errors';

/**
 * `input`/`offsets` as a float32 tensor: TensorLikes are parsed as float32 and int32 tensors
 * are cast (as tfjs's resize ops do). Other dtypes, and arrays that are ragged or hold
 * anything but numbers (which `tf.tensor` would accept or misread), are refused, naming the
 * argument. Call inside the op's scope: a cast or parsed tensor is an intermediate it disposes.
 */
export function toFloatTensor(x: unknown, argName: string, opName: string): Tensor {
  if (x instanceof Tensor) {
    if (x.isDisposed) {
      throw new Error(`${opName}: ${argName} is a disposed tensor (shape ${formatValue(x.shape)})`);
    }
    if (x.dtype === 'float32') return x;
    if (x.dtype === 'int32') return cast(x, 'float32');
    throw new Error(`${opName}: ${argName} must be a float32 (or int32) tensor, got a ${x.dtype} tensor`);
  }
  if (typeof x !== 'number' && !ArrayBuffer.isView(x) && !Array.isArray(x)) {
    throw new Error(
      `${opName}: ${argName} must be a Tensor, a TypedArray or nested arrays of numbers, ` +
        `got ${x === null ? 'null' : typeof x}`,
    );
  }
  if (Array.isArray(x)) checkRectangular(x, [], argName, opName);
  return tensor(x as TensorLike, undefined, 'float32');
}

/** Every array at one depth has the same length, and the leaves are numbers (or TypedArrays of them). */
function checkRectangular(x: unknown[], at: number[], argName: string, opName: string): void {
  const where = (path: number[]) => `${argName}${path.map(i => `[${i}]`).join('')}`;
  const nested = x.length > 0 && (Array.isArray(x[0]) || ArrayBuffer.isView(x[0]));
  x.forEach((item, i) => {
    const path = [...at, i];
    if (nested) {
      const length = (item as ArrayLike<unknown>)?.length;
      const firstLength = (x[0] as ArrayLike<unknown>).length;
      if (!(Array.isArray(item) || ArrayBuffer.isView(item)) || length !== firstLength) {
        throw new Error(
          `${opName}: ${argName} must be a rectangular array of numbers, but ${where(path)} ` +
            `${Array.isArray(item) || ArrayBuffer.isView(item) ? `has length ${length}` : `is ${formatValue(item)}`}` +
            ` where ${where([...at, 0])} has length ${firstLength}`,
        );
      }
      if (Array.isArray(item)) checkRectangular(item, path, argName, opName);
    } else if (typeof item !== 'number') {
      throw new Error(`${opName}: ${argName} must hold only numbers, but ${where(path)} is ${formatValue(item)}`);
    }
  });
}

/**
 * Runs `check` and returns what it returns; if it throws, disposes the tensors the op made
 * (those not among its `given` arguments) before rethrowing. An op's scope frees them anyway,
 * but not while a gradient tape records, which keeps every tensor made in it.
 */
export function disposeOnError<T>(made: Tensor[], given: unknown[], check: () => T): T {
  try {
    return check();
  } catch (e) {
    new Set(made).forEach(t => {
      if (!given.includes(t) && !t.isDisposed) t.dispose();
    });
    throw e;
  }
}
