/**
 * The compiled glimpse kernels' entry points. The module imports the wasm backend's memory
 * and works on its tensors in place: every pointer is a byte address in that memory, every
 * index counts float32 values. It allocates nothing, has no data and never grows memory;
 * scratch comes from the driver (kernels/wasm/compiled_module.ts).
 */
export {glimpseWindow, glimpseGradWindow, zeroFloats} from './glimpse';
export {windowMeans, noisyMeans, noisyBilinearMeans} from './sensor';
export {bilinearWindow, combine} from './bilinear';
export {spreadWindow, spreadInside} from './spread';
export {mappedMeans} from './mapped';
export {scaleKey} from './noise';
export {imageRange} from './noise_stats';
