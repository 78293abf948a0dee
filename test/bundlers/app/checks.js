// What every test app checks in the browser, whatever bundled it; the result lands in
// `window.appResult` (and the page title), where test/bundlers.test.ts reads it.

/** extractGlimpse on a hand-worked case, and glimpseSensor's output shape. */
export async function checkOps(tf, {extractGlimpse, glimpseSensor}) {
  const image = tf.reshape(tf.range(0, 25), [1, 5, 5, 1]);
  // A 3x3 window with its corner at row 1, column 0 of the 5x5 ramp 0..24.
  const glimpse = extractGlimpse(image, [3, 3], [[1, 0]], false, false, 'zero');
  const sensed = glimpseSensor(
    tf.zeros([2, 12, 12, 3]),
    [
      [0, 0],
      [0.5, -0.5],
    ],
    {size: [4, 4], scales: 2},
  );
  const result = {
    backend: tf.getBackend(),
    glimpse: Array.from(await glimpse.data()),
    sensorShape: sensed.shape,
    imageOps: [typeof tf.image.extractGlimpse, typeof tf.image.glimpseSensor],
  };
  tf.dispose([image, glimpse, sensed]);
  return result;
}

/** A converted TF 2.21 model with an ExtractGlimpseV2 node, against TensorFlow's recorded outputs, bit for bit. */
export async function checkModel(tf, url) {
  const model = await tf.loadGraphModel(`${url}/model.json`);
  const {runs} = await (await fetch(`${url}/io.json`)).json();
  const outputs = [];
  for (const run of runs) {
    const feeds = {};
    for (const [name, v] of Object.entries(run.inputs)) feeds[name] = tf.tensor(v.values, v.shape, v.dtype);
    const out = model.execute(feeds, 'glimpse');
    const got = new Uint32Array((await out.data()).buffer);
    const want = new Uint32Array(new Float32Array(run.outputs.glimpse.values).buffer);
    outputs.push({
      name: run.name,
      shape: out.shape,
      sameBits: got.length === want.length && got.every((b, i) => b === want[i]),
    });
    tf.dispose([out, ...Object.values(feeds)]);
  }
  model.dispose();
  return outputs;
}

export function report(promise) {
  promise.then(
    result => {
      window.appResult = result;
      document.title = 'done';
    },
    error => {
      window.appResult = {error: String((error && error.stack) || error)};
      document.title = 'failed';
    },
  );
}
