/** The webgl kernels on WebGL1 (SwiftShader in headless Chromium). */
import {defineBackendSuites} from './backend_suites';
import {openSession} from './golden_suite';
import {defineWebGLChecks, WEBGL_TEST_FLAGS} from './webgl_checks';

const session = openSession({backend: 'webgl', flags: {...WEBGL_TEST_FLAGS, WEBGL_VERSION: 1}, scripts: ['converter']});
defineBackendSuites('webgl, WebGL1', session, false);
defineWebGLChecks(1, session);
