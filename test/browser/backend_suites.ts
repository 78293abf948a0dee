/** Every suite a GPU backend runs in Chromium: the same tables as on cpu and wasm in Node. */
import {defineGoldenSuite, type BrowserSession} from './golden_suite';
import {defineGradientSuite} from './gradient_suite';
import {defineHostileSuite} from './hostile_suite';
import {defineLeakSuite} from './leak_suite';
import {definePropertySuite} from './property_suite';

export function defineBackendSuites(label: string, session: BrowserSession): void {
  defineGoldenSuite(label, session);
  defineHostileSuite(label, session);
  defineLeakSuite(label, session);
  definePropertySuite(label, session);
  defineGradientSuite(label, session);
}
