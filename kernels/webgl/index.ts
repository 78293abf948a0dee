/** The webgl backend's kernels, as tfjs registry entries: the shared GPU kernels over the webgl runner. */
import {backendKernelConfigs} from '../../src/kernel_config';
import {gpuKernels} from '../gpu/kernels';
import {WEBGL_RUNNER} from './runner';

export const WEBGL_KERNEL_CONFIGS = backendKernelConfigs('webgl', gpuKernels(WEBGL_RUNNER));
