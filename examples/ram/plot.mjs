// The example's pictures as SVG text: the learning curve, and glimpse paths on test digits.

const escape = s => String(s).replace(/[<>&]/g, c => ({'<': '&lt;', '>': '&gt;', '&': '&amp;'})[c]);

/** Training loss and validation error per epoch, two lines on one chart. */
export function curveSvg(curve, title) {
  const [w, h, m] = [640, 360, 48];
  const maxLoss = Math.max(...curve.map(p => p.loss), 1e-9);
  const maxError = Math.max(...curve.map(p => p.validationError), 1e-9);
  const x = i => m + (curve.length === 1 ? 0 : (i * (w - 2 * m)) / (curve.length - 1));
  const y = (v, max) => h - m - (v / max) * (h - 2 * m);
  const line = (key, max) =>
    curve.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p[key], max).toFixed(1)}`).join(' ');
  const dots = (key, max, color) =>
    curve
      .map((p, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(p[key], max).toFixed(1)}" r="3" fill="${color}"/>`)
      .join('');
  const caption =
    `${title}: training loss (blue, max ${maxLoss.toFixed(3)}) ` +
    `and validation error (red, max ${maxError.toFixed(2)}%) per epoch`;
  const series = (key, max, color) =>
    `<path d="${line(key, max)}" fill="none" stroke="${color}" stroke-width="2"/>${dots(key, max, color)}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" font-family="sans-serif" font-size="12">
<rect width="${w}" height="${h}" fill="white"/>
<text x="${m}" y="24" font-size="14">${escape(caption)}</text>
<line x1="${m}" y1="${h - m}" x2="${w - m}" y2="${h - m}" stroke="#888"/>
<line x1="${m}" y1="${m}" x2="${m}" y2="${h - m}" stroke="#888"/>
<text x="${w / 2}" y="${h - 12}" text-anchor="middle">epoch 1 to ${curve.length}</text>
${series('loss', maxLoss, '#1f6fd0')}
${series('validationError', maxError, '#d0301f')}
</svg>
`;
}

/**
 * Test digits in grey with the model's glimpse path: each location (centred, normalized, as
 * the sensor reads it) numbered in order, its smallest window drawn, and the predicted class.
 */
export function pathsSvg(digits, paths, task) {
  const scale = 4;
  const side = task.side;
  const cell = side * scale + 16;
  const cells = digits.map((image, k) => {
    const ox = k * cell + 8;
    const pixels = [];
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        const v = image[y][x][0];
        if (v > 0.02) {
          const g = Math.round(255 * (1 - v));
          pixels.push(
            `<rect x="${ox + x * scale}" y="${8 + y * scale}" width="${scale}" height="${scale}" ` +
              `fill="rgb(${g},${g},${g})"/>`,
          );
        }
      }
    }
    const points = paths.locations[k].map(([ly, lx]) => [
      ox + ((lx + 1) / 2) * side * scale,
      8 + ((ly + 1) / 2) * side * scale,
    ]);
    const [gh, gw] = task.size.map(v => v * scale);
    const marks = points
      .map(
        ([px, py], i) =>
          `<rect x="${(px - gw / 2).toFixed(1)}" y="${(py - gh / 2).toFixed(1)}" width="${gw}" height="${gh}" ` +
          'fill="none" stroke="#d0301f" stroke-opacity="0.5"/>' +
          `<text x="${(px + 3).toFixed(1)}" y="${(py - 3).toFixed(1)}" fill="#d0301f">${i + 1}</text>`,
      )
      .join('');
    const trail = points.map(([px, py], i) => `${i ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`).join(' ');
    return (
      `<rect x="${ox}" y="8" width="${side * scale}" height="${side * scale}" fill="white" stroke="#ccc"/>` +
      pixels.join('') +
      `<path d="${trail}" fill="none" stroke="#1f6fd0" stroke-width="1.5"/>${marks}` +
      `<text x="${ox}" y="${side * scale + 24}">predicted ${paths.classes[k]}</text>`
    );
  });
  const [width, height] = [digits.length * cell + 8, side * scale + 32];
  const open = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"`;
  return `${open} font-family="sans-serif" font-size="11">
<rect width="100%" height="100%" fill="white"/>
${cells.join('\n')}
</svg>
`;
}
