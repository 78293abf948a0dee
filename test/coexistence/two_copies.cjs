// Two copies of the package in one process (a CJS build and a second file of it, plus the
// ESM build, each also with its models entry): the first registers, the others find
// everything registered and stay silent.
const fs = require('fs');
const os = require('os');
const path = require('path');
const warnings = [];
for (const level of ['warn', 'log', 'error']) {
  const original = console[level];
  console[level] = (...args) => {
    const text = args.join(' ');
    if (!/tfjs-node|Hi, looks like|=====|^\s*$/.test(text)) warnings.push(`${level}: ${text}`);
    else original.apply(console, args);
  };
}
const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-cpu');
const root = path.join(__dirname, '..', '..');
const first = require(path.join(root, 'dist', 'tfjs-extract-glimpse.cjs'));
const kernel = tf.getKernel('ExtractGlimpseV2', 'cpu');
const gradient = tf.getGradient('ExtractGlimpseV2');
// A second copy of the file, as a second bundle in node_modules would be.
const dir = fs.mkdtempSync(path.join(root, 'test', 'coexistence', '.copy-'));
try {
  fs.copyFileSync(path.join(root, 'dist', 'tfjs-extract-glimpse.cjs'), path.join(dir, 'copy.cjs'));
  const second = require(path.join(dir, 'copy.cjs'));
  require(path.join(root, 'dist', 'converter.cjs'));
  Promise.all(['tfjs-extract-glimpse.mjs', 'converter.mjs'].map(f => import(path.join(root, 'dist', f)))).then(
    ([third]) => {
      const same =
        tf.getKernel('ExtractGlimpseV2', 'cpu') === kernel && tf.getGradient('ExtractGlimpseV2') === gradient;
      const image = tf.reshape(tf.range(0, 25), [1, 5, 5, 1]);
      const outs = [first, second, third].map(m =>
        Array.from(m.extractGlimpse(image, [3, 3], [[1, 0]], false, false, 'zero').dataSync()),
      );
      process.stdout.write(JSON.stringify({same, warnings, outs, imageOp: typeof tf.image.extractGlimpse}) + '\n');
    },
  );
} finally {
  setTimeout(() => fs.rmSync(dir, {recursive: true, force: true}), 0);
}
