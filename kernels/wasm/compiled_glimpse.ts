/**
 * ExtractGlimpse forward and backward on the compiled kernels: JS places each window (the one
 * geometry function, src/window_geometry.ts) and plans its noise; the module copies and draws.
 */
import type {TensorInfo} from '@tensorflow/tfjs-core';
import type {BackendWasm} from '@tensorflow/tfjs-backend-wasm';
import {insideSpan, windowCorner, type WindowCorner} from '../../src/window_geometry';
import type {GlimpseCall} from '../../src/kernel_prelude';
import {clampCorner, NoiseArgs, Scratch} from './compiled_args';
import type {CompiledKernels} from './compiled_module';
import {heapFloats, heapView} from './heap';

/** Whether a window at `corner` lies wholly inside its image (no noise to draw). */
function wholeInside(corner: WindowCorner | null, call: GlimpseCall): boolean {
  if (!corner) return false;
  const {imageHeight, imageWidth, glimpseHeight: h, glimpseWidth: w} = call.params;
  const [r0, r1] = insideSpan(corner.y, h, imageHeight);
  const [c0, c1] = insideSpan(corner.x, w, imageWidth);
  return r0 === 0 && r1 === h && c0 === 0 && c1 === w;
}

export function compiledGlimpse(
  kernels: CompiledKernels,
  backend: BackendWasm,
  inputs: {input: TensorInfo; offsets: TensorInfo},
  call: GlimpseCall,
  key: number,
  out: TensorInfo,
): void {
  const [batch, h, w, channels] = call.shape;
  const {imageHeight: height, imageWidth: width} = call.params;
  const offsets = heapFloats(backend, inputs.offsets).slice();
  const scratch = new Scratch(kernels);
  try {
    const noise = new NoiseArgs(kernels, scratch, call.mode, channels);
    const [image, output] = [kernels.address(inputs.input), kernels.address(out)];
    const imageSize = height * width * channels;
    // Taken once, after the scratch: nothing allocates in the heap from here on.
    let values: ReturnType<typeof heapView> | undefined;
    const view = () => (values ??= heapView(backend, inputs.input));
    for (let b = 0; b < batch; b++) {
      const corner = windowCorner(offsets[2 * b], offsets[2 * b + 1], call.params);
      if (call.mode !== 'zero' && !wholeInside(corner, call)) {
        noise.plan(key, image, view, b * imageSize, height * width);
      }
      kernels.run.glimpseWindow(
        output,
        b * h * w * channels,
        image,
        b * imageSize,
        h,
        w,
        channels,
        height,
        width,
        corner ? 1 : 0,
        corner ? clampCorner(corner.y, h, height) : 0,
        corner ? clampCorner(corner.x, w, width) : 0,
        noise.code,
        key,
        noise.lo,
        noise.hi,
        noise.stats,
      );
    }
  } finally {
    scratch.free();
  }
}

export function compiledGlimpseGrad(
  kernels: CompiledKernels,
  backend: BackendWasm,
  inputs: {dy: TensorInfo; offsets: TensorInfo},
  call: GlimpseCall & {nothingSampled: boolean},
  out: TensorInfo,
): void {
  const [batch, height, width, channels] = call.shape;
  const {glimpseHeight: h, glimpseWidth: w} = call.params;
  const dx = kernels.address(out);
  kernels.run.zeroFloats(dx, batch * height * width * channels);
  if (call.nothingSampled) return;
  const offsets = heapFloats(backend, inputs.offsets).slice();
  const dy = kernels.address(inputs.dy);
  for (let b = 0; b < batch; b++) {
    const corner = windowCorner(offsets[2 * b], offsets[2 * b + 1], call.params);
    if (!corner) continue;
    const [y, x] = [clampCorner(corner.y, h, height), clampCorner(corner.x, w, width)];
    kernels.run.glimpseGradWindow(
      dx,
      b * height * width * channels,
      dy,
      b * h * w * channels,
      h,
      w,
      channels,
      height,
      width,
      y,
      x,
    );
  }
}
