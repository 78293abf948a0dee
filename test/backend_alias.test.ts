/** registerGlimpseKernelsAs: a renamed backend (as React Native's rn-webgl) runs the op. */
import {MathBackendCPU} from '@tensorflow/tfjs-backend-cpu';
import {ExtractGlimpseGrad, ExtractGlimpseV2, extractGlimpse, registerGlimpseKernelsAs} from '../src';
import {tf} from './helpers/backends';

test('kernels registered under a new name run there, forward and backward', async () => {
  tf.registerBackend('cpu-renamed', () => new MathBackendCPU());
  // What such an app does for tfjs's own kernels (Identity, Cast...): ours are left out.
  for (const kernel of tf.getKernelsForBackend('cpu')) {
    if (!kernel.kernelName.startsWith('ExtractGlimpse')) tf.registerKernel({...kernel, backendName: 'cpu-renamed'});
  }
  expect(tf.getKernel(ExtractGlimpseV2, 'cpu-renamed')).toBeUndefined();
  registerGlimpseKernelsAs('cpu-renamed', 'cpu');
  registerGlimpseKernelsAs('cpu-renamed', 'cpu'); // idempotent, silent
  expect(tf.getKernel(ExtractGlimpseGrad, 'cpu-renamed')).toBeDefined();
  expect(await tf.setBackend('cpu-renamed')).toBe(true);
  const image = tf.tensor4d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
  const out = extractGlimpse(image, [2, 2], [[1, 1]], false, false, 'zero');
  expect(Array.from(out.dataSync())).toEqual([5, 6, 8, 9]);
  const dx = tf.grad(x => extractGlimpse(x as tf.Tensor4D, [2, 2], [[1, 1]], false, false, 'zero'))(
    image,
    tf.tensor4d([10, 20, 30, 40], [1, 2, 2, 1]),
  );
  expect(Array.from(dx.dataSync())).toEqual([0, 0, 0, 0, 10, 20, 0, 30, 40]);
  await tf.setBackend('cpu');
  tf.removeBackend('cpu-renamed');
});

test('names an unknown base backend', () => {
  expect(() => registerGlimpseKernelsAs('x', 'nodejs' as 'cpu')).toThrow(
    'registerGlimpseKernelsAs: like must be one of cpu, webgl, wasm, webgpu, tensorflow, got "nodejs"',
  );
});

test('refuses a backend name that is not a non-empty string, registering nothing', () => {
  for (const name of [null, undefined, '', 5]) {
    expect(() => registerGlimpseKernelsAs(name as unknown as string, 'cpu')).toThrow(
      `registerGlimpseKernelsAs: backendName must be a non-empty string, got ${name === '' ? '""' : String(name)}`,
    );
  }
  expect(tf.getKernel(ExtractGlimpseV2, 'null')).toBeUndefined();
});
