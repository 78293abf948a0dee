/**
 * The main entry, `tfjs-extract-glimpse`: importing it registers the kernels on every backend,
 * the gradients and `tf.image.extractGlimpse`/`glimpseSensor`, synchronously. Converted models
 * need the converter ops as well: `tfjs-extract-glimpse/converter` (src/converter.ts).
 *
 * @module tfjs-extract-glimpse
 */
import './register_all';

export {extractGlimpse} from './extract_glimpse';
export {glimpseSensor} from './glimpse_sensor';
export type {GlimpseSensorOptions} from './sensor_options';
export {PADDING_MODES} from './padding_mode';
export {
  ExtractGlimpse,
  ExtractGlimpseGrad,
  ExtractGlimpseV2,
  GlimpseSensor,
  GlimpseSensorGrad,
  GlimpseSensorSlope,
  KERNEL_NAME_BY_VERSION,
} from './kernel_names';
export type {
  ExtractGlimpseAttrs,
  ExtractGlimpseGradAttrs,
  ExtractGlimpseGradInputs,
  ExtractGlimpseInputs,
  ExtractGlimpseKernelName,
  ExtractGlimpseV2Attrs,
  ExtractGlimpseV2Inputs,
  GlimpseSensorAttrs,
  GlimpseSensorGradAttrs,
  GlimpseSensorGradInputs,
  GlimpseSensorInputs,
  GlimpseSensorSlopeAttrs,
  GlimpseVersion,
  Interpolation,
  SensorPadding,
  NoiseAttr,
  NoiseMode,
} from './kernel_names';
export type {ExtractGlimpseOptions, GlimpsePadding} from './options';
export {setWasmKernelPath, wasmKernelPath} from './wasm_kernels';
export type {WasmKernelChoice, WasmKernelPath} from './wasm_kernels';
export {extractGlimpseGradientConfig, extractGlimpseV2GradientConfig, glimpseSensorGradientConfig} from './gradient';
export {GLIMPSE_KERNEL_CONFIGS, registerAll, registerGlimpseKernelsAs, SUPPORTED_BACKENDS} from './register_all';
export type {SupportedBackend} from './register_all';
export {inferGlimpseShape, MAX_OUTPUT_ELEMENTS, type GlimpseShape} from './shape_inference';
export {insideSpan, placementSlope, placementSteps, subpixelCorner, windowCorner} from './window_geometry';
export type {PlacementSteps, SubpixelCorner, WindowCorner, WindowParams} from './window_geometry';
