/**
 * What the webgl kernels promise beyond the golden table and the property suite: no shader
 * compiled per call, no texture left behind, and no GPU-to-CPU read.
 */
import {readRuns, type ModelRun} from '../helpers/models';
import type {BrowserSession} from './golden_suite';

export const WEBGL_TEST_FLAGS = {IS_TEST: true, WEBGL_CPU_FORWARD: false, WEBGL_SIZE_UPLOAD_UNIFORM: 0};

export function defineWebGLChecks(version: 1 | 2, session: BrowserSession): void {
  describe(`webgl kernel [WebGL${version}]`, () => {
    test(`the page really runs WebGL${version} with float32 textures`, async () => {
      const flags = await session.tfPage!.page.evaluate(() => {
        const t = (window as any).tf;
        return [t.env().getNumber('WEBGL_VERSION'), t.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')];
      });
      expect(flags).toEqual([version, true]);
    });

    test('repeated calls of the same shapes compile no new shader (seed, noise, placement are uniforms)', async () => {
      const counts = await session.tfPage!.page.evaluate(() => {
        const t = (window as any).tf;
        const backend = t.backend();
        const cached = () => Object.keys(backend.binaryCache).length;
        const image = t.randomUniform([2, 9, 11, 3]);
        const offsets = t.tensor2d([
          [0.1, -0.7],
          [0.9, 0.2],
        ]);
        const call = (noise: string, centered: boolean, normalized: boolean, version: number, seed: number) =>
          t.dispose(t.image.extractGlimpse(image, [4, 6], offsets, centered, normalized, noise, {version, seed}));
        // Warm up every noise mode once (the statistics kernels compile on first use).
        for (const noise of ['zero', 'uniform', 'gaussian']) call(noise, true, true, 2, 1);
        const before = cached();
        let calls = 0;
        for (const noise of ['gaussian', 'zero', 'uniform']) {
          for (const version of [1, 2]) {
            for (const centered of [true, false]) {
              for (const normalized of [false, true]) {
                call(noise, centered, normalized, version, 100 + calls++);
              }
            }
          }
        }
        const after = cached();
        t.dispose([image, offsets]);
        return {before, after, calls};
      });
      expect(counts.calls).toBe(24);
      expect(counts.after).toBe(counts.before);
    });

    test('frees every intermediate texture: tensors, bytes and GPU bytes back to baseline', async () => {
      const memory = await session.tfPage!.page.evaluate(() => {
        const t = (window as any).tf;
        const image = t.randomUniform([3, 16, 12, 2]);
        const offsets = t.tensor2d([
          [0.1, -0.7],
          [0.9, 0.2],
          [-2, 3],
        ]);
        const snapshot = () => {
          const m = t.memory();
          return [m.numTensors, m.numBytes, m.numBytesInGPU];
        };
        // The first calls upload image and offsets and warm up every mode: not a leak.
        for (const noise of ['zero', 'uniform', 'gaussian']) {
          t.dispose(t.image.extractGlimpse(image, [5, 7], offsets, true, true, noise));
        }
        const before = snapshot();
        for (let k = 0; k < 30; k++) {
          const noise = ['zero', 'uniform', 'gaussian'][k % 3];
          t.dispose(t.image.extractGlimpse(image, [5, 7], offsets, true, true, noise, {seed: k}));
        }
        const after = snapshot();
        t.dispose([image, offsets]);
        return {before, after};
      });
      expect(memory.after).toEqual(memory.before);
    });

    test('reads nothing back from the GPU: offsets computed on the GPU stay there', async () => {
      const result = await session.tfPage!.page.evaluate(() => {
        const t = (window as any).tf;
        const backend = t.backend();
        const gl = backend.gpgpu.gl;
        const image = t.randomUniform([2, 10, 10, 3]);
        // Offsets made by a GPU op, as a glimpse network's previous layer would.
        const offsets = t.mul(t.randomUniform([2, 2], -1, 1), t.scalar(1.5));
        t.sum(offsets).dataSync(); // upload/compile outside the watched section
        let reads = 0;
        const watch = (obj: any, name: string) => {
          const original = obj[name];
          obj[name] = function (...args: unknown[]) {
            reads++;
            return original.apply(this, args);
          };
          return () => {
            obj[name] = original;
          };
        };
        const restore = [
          watch(backend, 'readSync'),
          watch(backend, 'read'),
          watch(gl, 'readPixels'),
          watch(gl, 'getBufferSubData'),
        ];
        const outs = ['zero', 'uniform', 'gaussian'].map(noise =>
          t.image.extractGlimpse(image, [6, 6], offsets, true, true, noise, {seed: 3}),
        );
        restore.forEach(r => r());
        const onGpu = backend.texData.get(offsets.dataId).values == null;
        const shapes = outs.map((o: any) => o.shape);
        t.dispose([image, offsets, ...outs]);
        return {reads, onGpu, shapes};
      });
      expect(result.reads).toBe(0);
      expect(result.onGpu).toBe(true);
      expect(result.shapes).toEqual([
        [2, 6, 6, 3],
        [2, 6, 6, 3],
        [2, 6, 6, 3],
      ]);
    });

    test('graph-model execute reads nothing back from the GPU (the constant size lives on the CPU)', async () => {
      const run = readRuns('v2_zero')[1];
      const reads = await session.tfPage!.page.evaluate(async (r: ModelRun) => {
        const t = (window as any).tf;
        const graph = await t.loadGraphModel('/test/fixtures/models/v2_zero/model.json');
        const feeds: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(r.inputs)) feeds[k] = t.tensor(v.values, v.shape, v.dtype);
        t.dispose(graph.execute(feeds, 'glimpse')); // warm-up: compile and upload
        const backend = t.backend();
        const gl = backend.gpgpu.gl;
        let count = 0;
        const originals: Array<[any, string, any]> = [];
        for (const [obj, name] of [
          [backend, 'readSync'],
          [backend, 'read'],
          [gl, 'readPixels'],
          [gl, 'getBufferSubData'],
        ] as const) {
          const original = (obj as any)[name];
          originals.push([obj, name, original]);
          (obj as any)[name] = function (...args: unknown[]) {
            // readSync of data still held on the CPU (a weight never uploaded) is no GPU read.
            const onCpu = obj === backend && backend.texData.get(args[0] as object).values != null;
            if (!onCpu) count++;
            return original.apply(this, args);
          };
        }
        const out = graph.execute(feeds, 'glimpse');
        for (const [obj, name, original] of originals) obj[name] = original;
        t.dispose([out, ...Object.values(feeds)]);
        graph.dispose();
        return count;
      }, run);
      expect(reads).toBe(0);
    });

    test('the page logged no error', () => {
      expect(session.tfPage!.errors).toEqual([]);
    });
  });
}
