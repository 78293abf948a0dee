/**
 * The checks a kernel makes of what only a direct call can get wrong (docs/semantics.md,
 * "Validation"): the dtypes of its tensors and the shapes its attrs carry. The ops never pass
 * such values (they cast or refuse them first), so these run only for attrs not marked as
 * checked (src/checked_attrs.ts).
 */
import type {DataType} from '@tensorflow/tfjs-core';
import {formatValue} from './errors';
import {MAX_OUTPUT_ELEMENTS} from './shape_inference';

/** What a kernel knows of a tensor before it reads it. */
export interface TensorDescription {
  shape: readonly number[];
  dtype: DataType;
}

/** The tensor's dtype is one of `allowed`. */
export function checkDtype(
  info: TensorDescription,
  argName: string,
  opName: string,
  allowed: readonly DataType[] = ['float32'],
): void {
  if (!allowed.includes(info.dtype)) {
    const want =
      allowed.length === 1 ? allowed[0] : `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`;
    throw new Error(`${opName}: ${argName} must be a ${want} tensor, got a ${info.dtype} tensor`);
  }
}

/**
 * A shape attr (the images' shape a backward kernel returns): 4 non-negative integers whose
 * product fits in a typed array.
 */
export function checkShapeAttr(value: unknown, argName: string, opName: string): [number, number, number, number] {
  const ok =
    Array.isArray(value) &&
    value.length === 4 &&
    value.every(v => typeof v === 'number' && Number.isInteger(v) && v >= 0);
  if (!ok) {
    throw new Error(
      `${opName}: ${argName} must be 4 non-negative integers [batch, height, width, channels], ` +
        `got ${formatValue(value)}`,
    );
  }
  const elements = value.reduce((a: number, b: number) => a * b, 1);
  if (elements > MAX_OUTPUT_ELEMENTS) {
    throw new Error(
      `${opName}: ${argName} ${formatValue(value)} has ${elements} values, more than the ${MAX_OUTPUT_ELEMENTS} ` +
        'a float32 array can hold here',
    );
  }
  return [value[0], value[1], value[2], value[3]];
}
