// Web demo (see index.html): the converted glimpse sensor on the webgl backend, or on wasm
// with `?backend=wasm` (the compiled kernels). Clicking the picture moves the glimpse location
// and re-renders.
//
// Below the model's outputs, glimpseSensor computes 1 to 5 scales (the select) in one call,
// with zero, edge or reflection padding (the other select).
//
// For tests, window.demoState = {ready, backend, wasmKernels (the wasm kernels' path, on wasm),
// location: [y, x], renders, msPerCall,
// lastGlimpse16: the RGB bytes drawn into the glimpse16 canvas (16*16*3, row-major),
// scales: how many glimpseSensor scales are drawn, padding: theirs, lastFused: the RGB bytes of
// each, error},
// and window.demo = {image (the [1, H, W, 3] float32 tensor the model sees), toByte, render}.
(function () {
  'use strict';

  var MODEL_URL = '/examples/model/demo_sensor/model.json';
  var IMAGE_URL = '/examples/assets/scene.png';
  var OUTPUTS = ['glimpse16', 'glimpse32', 'glimpse64', 'sensor'];
  var SIZES = [16, 32, 64];
  var COLORS = ['#eb1e28', '#f5a000', '#1446eb']; // 16, 32, 64 px windows
  var SCALE = 2; // the scene canvas shows the image at 2x

  var state = (window.demoState = {
    ready: false,
    backend: null,
    wasmKernels: null,
    location: [0.35, 0],
    renders: 0,
    msPerCall: null,
    lastGlimpse16: [],
    scales: 3,
    padding: 'zero',
    lastFused: [],
    error: null,
  });
  var statusEl = document.getElementById('status');
  var sceneCanvas = document.getElementById('scene');

  /** How a float in [0, 1] becomes a byte (examples/demo.mjs draws the same way). */
  function toByte(v) {
    return Math.round(Math.min(1, Math.max(0, v)) * 255);
  }

  function setStatus(text, isError) {
    statusEl.textContent = text;
    statusEl.className = isError ? 'error' : '';
  }

  function loadImage(url) {
    return new Promise(function (resolve, reject) {
      var img = new Image();
      img.onload = function () {
        resolve(img);
      };
      img.onerror = function () {
        reject(new Error('could not load ' + url));
      };
      img.src = url;
    });
  }

  /**
   * Draws channels [c0, c0 + 3) of an [h, w, channels] float array (values in [0, 1]) into
   * an h x w canvas, one canvas pixel per value; returns the RGB bytes drawn.
   */
  function drawRGB(canvas, values, h, w, channels, c0) {
    var ctx = canvas.getContext('2d');
    var pixels = ctx.createImageData(w, h);
    var rgb = new Array(h * w * 3);
    for (var p = 0; p < h * w; p++) {
      for (var k = 0; k < 3; k++) {
        var b = toByte(values[p * channels + c0 + k]);
        pixels.data[4 * p + k] = b;
        rgb[3 * p + k] = b;
      }
      pixels.data[4 * p + 3] = 255;
    }
    ctx.putImageData(pixels, 0, 0);
    return rgb;
  }

  function drawScene(img, location) {
    var ctx = sceneCanvas.getContext('2d');
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(img, 0, 0, img.naturalWidth * SCALE, img.naturalHeight * SCALE);
    // Each window exactly where the op puts it (the plugin's own geometry), outlined just
    // outside it.
    SIZES.forEach(function (s, i) {
      var c = tf.windowCorner(location[0], location[1], {
        version: 2,
        centered: true,
        normalized: true,
        imageHeight: img.naturalHeight,
        imageWidth: img.naturalWidth,
        glimpseHeight: s,
        glimpseWidth: s,
      });
      if (!c) return;
      ctx.strokeStyle = COLORS[i];
      ctx.lineWidth = SCALE;
      ctx.strokeRect(SCALE * (c.x - 1) + SCALE / 2, SCALE * (c.y - 1) + SCALE / 2, SCALE * (s + 1), SCALE * (s + 1));
    });
    // The location itself: pixel centre = (loc + 1) / 2 * size.
    var px = ((location[1] + 1) / 2) * img.naturalWidth * SCALE;
    var py = ((location[0] + 1) / 2) * img.naturalHeight * SCALE;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(px - 3, py - 1, 6, 2);
    ctx.fillRect(px - 1, py - 3, 2, 6);
  }

  /** glimpseSensor's scales at `location`, one 16x16 tile each; returns the RGB bytes drawn. */
  async function drawFused(image, location, scales, padding) {
    var loc = tf.tensor2d([location], [1, 2]);
    var fused = tf.glimpseSensor(image, loc, {size: [16, 16], scales: scales, scaleFactor: 2, padding: padding});
    var values = await fused.data();
    tf.dispose([fused, loc]);
    var holder = document.getElementById('fused');
    holder.textContent = '';
    var drawn = [];
    for (var i = 0; i < scales; i++) {
      var figure = document.createElement('figure');
      var canvas = document.createElement('canvas');
      canvas.width = 16;
      canvas.height = 16;
      canvas.style.width = canvas.style.height = '128px';
      canvas.style.imageRendering = 'pixelated';
      var caption = document.createElement('figcaption');
      caption.textContent = 'scale ' + i + ': ' + 16 * Math.pow(2, i) + ' px';
      figure.appendChild(canvas);
      figure.appendChild(caption);
      holder.appendChild(figure);
      drawn.push(drawRGB(canvas, values.subarray(i * 768, (i + 1) * 768), 16, 16, 3, 0));
    }
    return drawn;
  }

  async function main() {
    var wanted = new URLSearchParams(location.search).get('backend') || 'webgl';
    if (wanted === 'wasm') tf.wasm.setWasmPaths('/node_modules/@tensorflow/tfjs-backend-wasm/dist/');
    if (!(await tf.setBackend(wanted))) throw new Error("tf.setBackend('" + wanted + "') failed");
    await tf.ready();
    state.backend = tf.getBackend();
    // Browsers compile the plugin's wasm kernels in the background: wait, so every call is compiled.
    if (state.backend === 'wasm') state.wasmKernels = await tf.wasmKernelPath();
    setStatus('backend ' + state.backend + ': loading the model…');
    // The plugin's script tag ran before this: ExtractGlimpseV2 is a known op here.
    var model = await tf.loadGraphModel(MODEL_URL);
    var img = await loadImage(IMAGE_URL);
    var image = tf.tidy(function () {
      return tf.expandDims(tf.div(tf.cast(tf.browser.fromPixels(img), 'float32'), 255), 0);
    });

    var busy = false;
    var pending = null;

    async function render(location) {
      if (busy) {
        pending = location;
        return;
      }
      busy = true;
      try {
        var loc = tf.tensor2d([location], [1, 2]);
        var t0 = performance.now();
        var outs = model.execute({image: image, location: loc}, OUTPUTS);
        var values = await Promise.all(
          outs.map(function (t) {
            return t.data();
          }),
        );
        var ms = performance.now() - t0;
        tf.dispose(outs.concat([loc]));

        drawScene(img, location);
        var g16 = drawRGB(document.getElementById('glimpse16'), values[0], 16, 16, 3, 0);
        drawRGB(document.getElementById('glimpse32'), values[1], 32, 32, 3, 0);
        drawRGB(document.getElementById('glimpse64'), values[2], 64, 64, 3, 0);
        for (var t = 0; t < 3; t++) drawRGB(document.getElementById('sensor' + t), values[3], 16, 16, 9, 3 * t);
        state.lastFused = await drawFused(image, location, state.scales, state.padding);

        state.location = [location[0], location[1]];
        state.lastGlimpse16 = g16;
        state.msPerCall = ms;
        state.renders++;
        setStatus(
          'backend ' +
            state.backend +
            (state.wasmKernels ? ' (' + state.wasmKernels + ' kernels)' : '') +
            ' | location (y, x) = (' +
            location[0].toFixed(3) +
            ', ' +
            location[1].toFixed(3) +
            ') | model.execute + download: ' +
            ms.toFixed(1) +
            ' ms | image [' +
            image.shape +
            '] | tensors in memory: ' +
            tf.memory().numTensors,
        );
      } finally {
        busy = false;
      }
      if (pending) {
        var next = pending;
        pending = null;
        await render(next);
      }
    }

    sceneCanvas.addEventListener('click', function (e) {
      // The click as a centered, normalized (y, x): -1 at the top/left edge, +1 at the bottom/right.
      var r = sceneCanvas.getBoundingClientRect();
      var y = ((e.clientY - r.top) / r.height) * 2 - 1;
      var x = ((e.clientX - r.left) / r.width) * 2 - 1;
      render([Math.min(1, Math.max(-1, y)), Math.min(1, Math.max(-1, x))]).catch(fail);
    });

    document.getElementById('scales').addEventListener('change', function (e) {
      state.scales = Number(e.target.value);
      render(state.location).catch(fail);
    });

    document.getElementById('padding').addEventListener('change', function (e) {
      state.padding = e.target.value;
      render(state.location).catch(fail);
    });

    window.demo = {image: image, model: model, toByte: toByte, render: render};
    await render(state.location);
    state.ready = true;
  }

  function fail(err) {
    state.error = String((err && err.stack) || err);
    setStatus('error: ' + ((err && err.message) || err), true);
    console.error(err);
  }

  main().catch(fail);
})();
