import {formatValue} from './errors';
import type {NoiseAttr, NoiseMode} from './kernel_names';

const NOISE_ATTRS: readonly string[] = ['uniform', 'gaussian', 'zero', ''];

/**
 * TF's noise resolution (docs/semantics.md, "What goes in each output position"), with TF's two errors: a noise string
 * outside the four values (case-sensitive, as in TF), and `uniformNoise` set together
 * with a noise other than `''`/`'uniform'`.
 */
export function resolveNoise(noise: unknown, uniformNoise: unknown, opName = 'extractGlimpse'): NoiseMode {
  if (typeof uniformNoise !== 'boolean') {
    throw new Error(`${opName}: uniformNoise must be a boolean, got ${formatValue(uniformNoise)}`);
  }
  if (typeof noise !== 'string' || !NOISE_ATTRS.includes(noise)) {
    if (uniformNoise && typeof noise === 'string') {
      throw conflict(opName, noise);
    }
    throw new Error(
      `${opName}: noise must be 'uniform', 'gaussian', 'zero' or '' (case-sensitive), ` + `got ${formatValue(noise)}`,
    );
  }
  const attr = noise as NoiseAttr;
  if (uniformNoise && attr !== '' && attr !== 'uniform') throw conflict(opName, attr);
  return noiseModeOf(attr, uniformNoise);
}

/** The rule alone, for attrs the op already resolved through resolveNoise. */
export function noiseModeOf(noise: NoiseAttr, uniformNoise: boolean): NoiseMode {
  if (noise === '') return uniformNoise ? 'uniform' : 'gaussian';
  return noise;
}

function conflict(opName: string, noise: string): Error {
  return new Error(
    `${opName}: uniformNoise=true cannot be combined with noise=${formatValue(noise)} ` +
      `(TF: "The uniform_noise and noise could not be specified at the same time"); ` +
      `set uniformNoise=false or noise='uniform'`,
  );
}
