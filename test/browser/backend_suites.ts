/**
 * Every suite a GPU backend runs in Chromium: the same tables as on cpu and wasm in Node.
 * The page must load the converter bundle (the converted models and the leak loops use it).
 */
import {defineBilinearSuite} from './bilinear_suite';
import {defineConverterSuite} from './converter_suite';
import {defineFuzzSuite} from './fuzz_suite';
import {defineGoldenSuite, type BrowserSession} from './golden_suite';
import {defineGradientSuite} from './gradient_suite';
import {defineHostileSuite} from './hostile_suite';
import {defineLeakSuite} from './leak_suite';
import {definePropertySuite} from './property_suite';
import {defineReferenceSuite} from './reference_suite';
import {defineSensorSuite} from './sensor_suite';

/** `sameBits`: the backend's noise draws the cpu's random bits (every GPU backend but WebGL1). */
export function defineBackendSuites(label: string, session: BrowserSession, sameBits: boolean): void {
  defineGoldenSuite(label, session);
  defineFuzzSuite(label, session);
  defineHostileSuite(label, session);
  defineLeakSuite(label, session);
  definePropertySuite(label, session, sameBits);
  defineGradientSuite(label, session);
  defineSensorSuite(label, session, sameBits);
  defineBilinearSuite(label, session, sameBits);
  defineConverterSuite(label, session);
  defineReferenceSuite(label, session);
}
