/**
 * The converter is an optional peer: its `registerOp` when the app has it, else undefined.
 * This is the CommonJS form (also what the tests run); the ES module and UMD builds swap in
 * load_converter_esm.ts and load_converter_umd.ts (rollup.config.js).
 */
import type {RegisterOp} from './converter_ops';

declare const require: (id: string) => {registerOp?: RegisterOp};

let registerOp: RegisterOp | undefined;
try {
  registerOp = require('@tensorflow/tfjs-converter').registerOp;
} catch (e) {
  if ((e as {code?: string}).code !== 'MODULE_NOT_FOUND') throw e;
}

export function converterRegisterOp(): RegisterOp | undefined {
  return registerOp;
}
