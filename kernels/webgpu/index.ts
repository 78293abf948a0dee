/** The webgpu backend's kernels, as tfjs registry entries: the shared GPU kernels over the webgpu runner. */
import {backendKernelConfigs} from '../../src/kernel_config';
import {gpuKernels} from '../gpu/kernels';
import {WEBGPU_RUNNER} from './runner';

export const WEBGPU_KERNEL_CONFIGS = backendKernelConfigs('webgpu', gpuKernels(WEBGPU_RUNNER));
