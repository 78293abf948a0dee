/**
 * The generated calls of the property table on every Node backend: copies are the image's
 * pixels at the window's geometry, zero noise +0, other noise in bounds, and every backend
 * agrees with cpu (the same seed draws the same bits), as the Chromium suites check the GPUs.
 */
import {describeEachBackend, onCpuBackend, tf} from './helpers/backends';
import {PROPERTY_CASES} from './helpers/property_cases';
import {checkCopies, compareBackends} from './helpers/property_check';
import {runCase, type CaseResult} from './helpers/golden_run';

const cases = PROPERTY_CASES;

/** cpu's results, the cross-backend reference, computed once. */
let cpuOnce: Promise<CaseResult[]> | undefined;
const cpuResults = () => onCpuBackend(() => cases.map(c => runCase(tf, c, 11)));

describeEachBackend('generated calls', () => {
  let cpu: CaseResult[] = [];
  beforeAll(async () => {
    cpuOnce ??= cpuResults();
    cpu = await cpuOnce;
  });

  test('cover every mode, noise and window kind', () => {
    const kinds = new Set(cases.map(c => `${c.op}.${c.attrs.centered}.${c.attrs.normalized}.${c.effective_noise}`));
    expect(kinds.size).toBe(2 * 2 * 2 * 3);
    expect(cases.some(c => JSON.stringify(c.offsets).includes('NaN'))).toBe(true);
  });

  test.each(cases.map((c, i) => [c.name, i] as const))(
    '%s: the image where the window is inside, noise in bounds elsewhere, as cpu',
    (_n, i) => {
      const c = cases[i];
      const r = runCase(tf, c, 11);
      expect(checkCopies(c, r)).toEqual([]);
      expect(compareBackends(c, cpu[i], r, true)).toEqual([]);
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
