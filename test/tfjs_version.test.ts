/** The suites really run against the tfjs version CI asked for (see jest.config.js). */
import * as fs from 'fs';
import * as path from 'path';
import {tf} from './helpers/backends';

test('tfjs-core under test is the one this run targets', () => {
  const min = process.env.TFJS_VERSION_UNDER_TEST === 'min';
  const manifest = min
    ? path.join(__dirname, '..', '.ci', 'tfjs-min', 'package.json')
    : path.join(__dirname, '..', 'package.json');
  const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  const wanted = (min ? pkg.dependencies : pkg.devDependencies)['@tensorflow/tfjs-core'];
  expect(tf.version_core).toBe(wanted);
  // And the oldest one is what peerDependencies promise.
  const {peerDependencies, peerDependenciesMeta} = JSON.parse(
    fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'),
  );
  const oldest = JSON.parse(
    fs.readFileSync(path.join(__dirname, '..', '.ci', 'tfjs-min', 'package.json'), 'utf8'),
  ).dependencies;
  // The converter (only the models entry imports it) is named in peerDependenciesMeta alone:
  // a range would make npm resolve the newest converter's peers and fail beside an older tfjs.
  expect(peerDependencies).toEqual({'@tensorflow/tfjs-core': `^${oldest['@tensorflow/tfjs-core']}`});
  expect(peerDependenciesMeta).toEqual({'@tensorflow/tfjs-converter': {optional: true}});
});
