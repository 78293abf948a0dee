/** The webgpu kernels in Chromium (SwiftShader's WebGPU adapter, page on 127.0.0.1). */
import {defineBackendSuites} from './backend_suites';
import {openSession} from './golden_suite';

export const WEBGPU_ARGS = ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'];
const session = openSession({backend: 'webgpu', flags: {IS_TEST: true}, scripts: ['webgpu', 'converter']}, WEBGPU_ARGS);
defineBackendSuites('webgpu', session, true);

test('no new pipeline per call: constant shaderKeys whatever the seed, noise, placement or shape', async () => {
  const counts = await session.tfPage!.page.evaluate(() => {
    const t = (window as any).tf;
    const backend = t.backend();
    const cached = () => Object.keys(backend.pipelineCache).length;
    const image = t.randomUniform([2, 9, 11, 3]);
    const offsets = t.tensor2d([
      [0.1, -0.7],
      [0.9, 0.2],
    ]);
    const call = (noise: string, centered: boolean, version: number, seed: number, size: number[]) =>
      t.dispose(t.image.extractGlimpse(image, size, offsets, centered, true, noise, {version, seed}));
    for (const noise of ['zero', 'uniform', 'gaussian']) call(noise, true, 2, 1, [4, 6]);
    const before = cached();
    let calls = 0;
    for (const noise of ['gaussian', 'zero', 'uniform']) {
      for (const version of [1, 2]) {
        for (const centered of [true, false]) call(noise, centered, version, 100 + calls++, [3 + (calls % 4), 5]);
      }
    }
    t.dispose([image, offsets]);
    return {before, after: cached(), calls};
  });
  expect(counts.calls).toBe(12);
  expect(counts.after).toBe(counts.before);
});
