/**
 * The ES module form of load_converter.ts: a dynamic import, awaited at the top level so
 * that the ops are registered once `import 'tfjs-extract-glimpse'` completes.
 */
import type {RegisterOp} from './converter_ops';

let registerOp: RegisterOp | undefined;
try {
  const converter = await import('@tensorflow/tfjs-converter');
  registerOp = converter.registerOp ?? (converter as {default?: {registerOp?: RegisterOp}}).default?.registerOp;
} catch (e) {
  const {code, message} = e as {code?: string; message?: string};
  // Missing in Node (ERR_MODULE_NOT_FOUND) or unresolvable in a browser: no converter, no custom ops.
  if (code !== 'ERR_MODULE_NOT_FOUND' && !String(message).includes('@tensorflow/tfjs-converter')) throw e;
}

export function converterRegisterOp(): RegisterOp | undefined {
  return registerOp;
}
