/**
 * tfjs's `engine().runKernel`, typed by this package's kernels: each kernel's name takes its
 * own inputs and attrs (src/kernel_names.ts), and this is the one place that widens them to
 * tfjs's untyped maps. Its callers (the ops, the gradients) pass attrs built from checked
 * arguments, so the attrs are marked as checked and the kernel does not check them again.
 */
import {engine, type NamedAttrMap, type NamedTensorMap, type Tensor} from '@tensorflow/tfjs-core';
import {markChecked} from './checked_attrs';
import type {
  ExtractGlimpse,
  ExtractGlimpseAttrs,
  ExtractGlimpseGrad,
  ExtractGlimpseGradAttrs,
  ExtractGlimpseGradInputs,
  ExtractGlimpseInputs,
  ExtractGlimpseV2,
  GlimpseSensor,
  GlimpseSensorAttrs,
  GlimpseSensorGrad,
  GlimpseSensorGradAttrs,
  GlimpseSensorGradInputs,
  GlimpseSensorInputs,
  GlimpseSensorSlope,
  GlimpseSensorSlopeAttrs,
} from './kernel_names';

/** Each kernel's `[inputs, attrs]`. */
interface Kernels {
  [ExtractGlimpse]: [ExtractGlimpseInputs, ExtractGlimpseAttrs];
  [ExtractGlimpseV2]: [ExtractGlimpseInputs, ExtractGlimpseAttrs];
  [ExtractGlimpseGrad]: [ExtractGlimpseGradInputs, ExtractGlimpseGradAttrs];
  [GlimpseSensor]: [GlimpseSensorInputs, GlimpseSensorAttrs];
  [GlimpseSensorGrad]: [GlimpseSensorGradInputs, GlimpseSensorGradAttrs];
  [GlimpseSensorSlope]: [GlimpseSensorInputs, GlimpseSensorSlopeAttrs];
}

export function runKernel<K extends keyof Kernels, Out extends Tensor = Tensor>(
  name: K,
  inputs: Kernels[K][0],
  attrs: Kernels[K][1],
): Out {
  const checked = markChecked(attrs as object) as NamedAttrMap;
  return engine().runKernel(name, inputs as unknown as NamedTensorMap, checked) as Out;
}
