/** The webgl kernels on WebGL2 (SwiftShader in headless Chromium). */
import {defineGoldenSuite, openSession} from './golden_suite';
import {defineHostileSuite} from './hostile_suite';
import {defineLeakSuite} from './leak_suite';
import {defineGradientSuite} from './gradient_suite';
import {definePropertySuite} from './property_suite';
import {defineWebGLChecks, WEBGL_TEST_FLAGS} from './webgl_checks';

const session = openSession({backend: 'webgl', flags: {...WEBGL_TEST_FLAGS, WEBGL_VERSION: 2}, scripts: ['converter']});
defineGoldenSuite('webgl, WebGL2', session);
defineHostileSuite('webgl, WebGL2', session);
defineLeakSuite('webgl, WebGL2', session);
definePropertySuite('webgl, WebGL2', session);
defineGradientSuite('webgl, WebGL2', session);
defineWebGLChecks('WebGL2', session);

test('the page really runs WebGL2 with float32 textures', async () => {
  const flags = await session.tfPage!.page.evaluate(() => {
    const t = (window as any).tf;
    return [t.env().getNumber('WEBGL_VERSION'), t.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')];
  });
  expect(flags).toEqual([2, true]);
});
