import {Tensor} from '@tensorflow/tfjs-core';
import {checkSize} from './shape_inference';
import {formatValue} from './errors';

/**
 * `size` as `[h, w]`: from an array, or from an int32 tensor of 2 values (read on the CPU:
 * it fixes the output shape, so it must be known before the kernel runs).
 */
export function readSize(size: unknown, opName: string): [number, number] {
  if (size instanceof Tensor) {
    if (size.isDisposed) throw new Error(`${opName}: size is a disposed tensor`);
    if (size.dtype !== 'int32' || size.rank !== 1 || size.size !== 2) {
      throw new Error(
        `${opName}: size must be an int32 tensor of shape [2], got a ${size.dtype} tensor ` +
          `of shape ${formatValue(size.shape)}`,
      );
    }
    return checkSize(Array.from(size.dataSync()), opName);
  }
  return checkSize(size, opName);
}
