import './register_all';

export {extractGlimpse} from './extract_glimpse';
export {ExtractGlimpse, ExtractGlimpseGrad, ExtractGlimpseV2, KERNEL_NAME_BY_VERSION} from './kernel_names';
export type {ExtractGlimpseGradAttrs, ExtractGlimpseGradInputs} from './kernel_names';
export {extractGlimpseGradientConfig, extractGlimpseV2GradientConfig} from './gradient';
export type {ExtractGlimpseAttrs, ExtractGlimpseInputs, ExtractGlimpseKernelName, ExtractGlimpseV2Attrs, ExtractGlimpseV2Inputs, GlimpseVersion, NoiseAttr, NoiseMode} from './kernel_names';
export type {ExtractGlimpseOptions} from './options';
export {inferGlimpseShape, MAX_OUTPUT_ELEMENTS, type GlimpseShape} from './shape_inference';
export {insideSpan, placementSteps, windowCorner, type PlacementSteps, type WindowCorner, type WindowParams} from './window_geometry';
export {resolveNoise} from './noise_mode';
export {normalAngle, normalAt, normalRadius, pcgHash, randomBits, seedKey, uniformAt} from './noise_random';
export {extractGlimpseImpl} from '../kernels/cpu/extract_glimpse_impl';
export {extractGlimpseGradImpl} from '../kernels/cpu/extract_glimpse_grad_impl';
export {registerAll, registerGlimpseKernelsAs, SUPPORTED_BACKENDS, type SupportedBackend} from './register_all';
