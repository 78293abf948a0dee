/**
 * Every suite a GPU backend runs in Chromium: the same tables as on cpu and wasm in Node.
 * The page must load the converter bundle (the converted models and the leak loops use it).
 */
import {defineBilinearSuite} from './bilinear_suite';
import {defineConverterSuite} from './converter_suite';
import {defineFuzzSuite} from './fuzz_suite';
import {defineGoldenSuite, reviveSession, type BrowserSession} from './golden_suite';
import {defineGradientSuite} from './gradient_suite';
import {defineHostileSuite} from './hostile_suite';
import {defineLeakSuite} from './leak_suite';
import {definePaddingSuite} from './padding_suite';
import {definePropertySuite} from './property_suite';
import {defineReferenceSuite} from './reference_suite';
import {defineSensorSuite} from './sensor_suite';

/**
 * Each suite in a block that first relaunches Chromium if it died during the suite before
 * (reviveSession), so that a crash fails one suite and the rest still run.
 */
function revived(session: BrowserSession, define: () => void): void {
  describe('', () => {
    beforeAll(() => reviveSession(session), 60000);
    define();
  });
}

/** `sameBits`: the backend's noise draws the cpu's random bits (every GPU backend but WebGL1). */
export function defineBackendSuites(label: string, session: BrowserSession, sameBits: boolean): void {
  revived(session, () => defineGoldenSuite(label, session));
  revived(session, () => defineFuzzSuite(label, session));
  revived(session, () => defineHostileSuite(label, session));
  revived(session, () => defineLeakSuite(label, session));
  revived(session, () => definePropertySuite(label, session, sameBits));
  revived(session, () => defineGradientSuite(label, session));
  revived(session, () => defineSensorSuite(label, session, sameBits));
  revived(session, () => defineBilinearSuite(label, session, sameBits));
  revived(session, () => definePaddingSuite(label, session));
  revived(session, () => defineConverterSuite(label, session));
  revived(session, () => defineReferenceSuite(label, session));
}
