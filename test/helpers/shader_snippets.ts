/** Every shared GPU formula of kernels/gpu, by `module.export` name. */
import type {ShaderSnippet} from '../../kernels/gpu/shader_snippet';
import * as bilinearWeights from '../../kernels/gpu/bilinear_weights';
import * as blockSums from '../../kernels/gpu/block_sums';
import * as cornerReaders from '../../kernels/gpu/corner_readers';
import * as noiseDraws from '../../kernels/gpu/noise_draws';
import * as paddingIndex from '../../kernels/gpu/padding_index';
import * as rowCol from '../../kernels/gpu/row_col';
import * as windowPlacement from '../../kernels/gpu/window_placement';

export const SHADER_MODULES: Record<string, object> = {
  bilinearWeights,
  blockSums,
  cornerReaders,
  noiseDraws,
  paddingIndex,
  rowCol,
  windowPlacement,
};

export const isSnippet = (v: unknown): v is ShaderSnippet =>
  typeof v === 'object' && v !== null && 'defines' in v && 'glsl' in v && 'wgsl' in v;

export const SNIPPETS = Object.entries(SHADER_MODULES).flatMap(([module, members]) =>
  Object.entries(members)
    .filter(([, v]) => isSnippet(v))
    .map(([name, snippet]) => ({name: `${module}.${name}`, snippet: snippet as ShaderSnippet})),
);
