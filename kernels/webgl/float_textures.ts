import {env} from '@tensorflow/tfjs-core';

/** Half-float textures cannot hold TF's values bit for bit: refuse rather than compute inexactly. */
export function checkFloatTextures(opName: string): void {
  if (!env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')) {
    throw new Error(
      `${opName}: this WebGL device renders only half floats ` +
        `(WEBGL_RENDER_FLOAT32_ENABLED is false); use the cpu or wasm backend`,
    );
  }
}
