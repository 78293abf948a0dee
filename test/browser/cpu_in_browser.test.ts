/** The golden table on the `cpu` backend inside Chromium, through the UMD bundle. */
import {defineGoldenSuite, openSession} from './golden_suite';
import {defineHostileSuite} from './hostile_suite';

const session = openSession({backend: 'cpu', flags: {IS_TEST: true}});
defineGoldenSuite('cpu', session);
defineHostileSuite('cpu', session);
