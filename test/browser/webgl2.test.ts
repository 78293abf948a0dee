/** The webgl kernels on WebGL2 (SwiftShader in headless Chromium). */
import {defineBackendSuites} from './backend_suites';
import {openSession} from './golden_suite';
import {defineWebGLChecks, WEBGL_TEST_FLAGS} from './webgl_checks';

const session = openSession({backend: 'webgl', flags: {...WEBGL_TEST_FLAGS, WEBGL_VERSION: 2}, scripts: ['converter']});
defineBackendSuites('webgl, WebGL2', session, true);
defineWebGLChecks(2, session);
