/** The webgl kernels on WebGL1 (SwiftShader in headless Chromium). */
import {defineGoldenSuite, openSession} from './golden_suite';
import {defineHostileSuite} from './hostile_suite';
import {defineLeakSuite} from './leak_suite';
import {defineGradientSuite} from './gradient_suite';
import {definePropertySuite} from './property_suite';
import {defineWebGLChecks, WEBGL_TEST_FLAGS} from './webgl_checks';

const session = openSession({backend: 'webgl', flags: {...WEBGL_TEST_FLAGS, WEBGL_VERSION: 1}, scripts: ['converter']});
defineGoldenSuite('webgl, WebGL1', session);
defineHostileSuite('webgl, WebGL1', session);
defineLeakSuite('webgl, WebGL1', session);
definePropertySuite('webgl, WebGL1', session);
defineGradientSuite('webgl, WebGL1', session);
defineWebGLChecks('WebGL1', session);

test('the page really runs WebGL1 with float32 textures', async () => {
  const flags = await session.tfPage!.page.evaluate(() => {
    const t = (window as any).tf;
    return [t.env().getNumber('WEBGL_VERSION'), t.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED')];
  });
  expect(flags).toEqual([1, true]);
});
