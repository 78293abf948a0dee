/**
 * The page side of the test helpers, bundled for pages/tf.html (test/browser/pages/rollup.config.mjs,
 * `npm run build:pages`) as the same TS modules jest imports in Node: each helper takes the
 * page's global `tf` as an argument.
 */
import * as goldenRun from '../../helpers/golden_run';
import * as gradRun from '../../helpers/grad_run';
import * as hostileCases from '../../helpers/hostile_cases';
import * as leakLoops from '../../helpers/leak_loops';

Object.assign(globalThis, {goldenRun, gradRun, hostileCases, leakLoops});
