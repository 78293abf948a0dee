#!/usr/bin/env python3
"""The glimpse sensor's peers on the benchmark's sensor workloads (optional, never a dependency).

What a RAM user would write instead of glimpseSensor, timed on the sensor workloads of
bench/workloads.json (inputs by the same rules as bench/run.mjs, checked against the same
sha256 values), each peer with the same number of threads:

- torch-batched: PyTorch, every window of a scale as one batched gather of clamped row and
  column indices (zero padding masks the outside), then avg_pool2d.
- torch-loop: PyTorch, the per-sample loop public RAM code uses (pad the image once, slice
  each window, stack a scale's windows, avg_pool2d).
- torch-grid-sample: the peer of glimpseSensor with interpolation 'bilinear' (on the --bilinear
  workloads): per scale, torch.nn.functional.grid_sample (mode 'bilinear', align_corners=False,
  padding_mode 'zeros', or 'border' for edge padding) samples the (h*s) x (w*s) window at its
  sub-pixel corner, then avg_pool2d(s). A location's samples are (cy + i, cx + j), (cy, cx) the
  corner before truncation; with align_corners=False, pixel p's centre is at (2p + 1) / H - 1.
  The locations of an image are stacked along the grid's rows, so the images are not copied.
PyTorch's peers take the images in PyTorch's own layout (NCHW, converted before timing) and
leave their output in it.
- tf-composite: TensorFlow, tf.image.extract_glimpse per scale + avg_pool2d + stack inside a
  tf.function. TensorFlow has no edge padding; on an edge workload it pads with zeros (the
  same work).

Prints the median ms per call and writes JSON (--out) that bench/run.mjs shows beside its own
figures. The nearest peers are checked against each other, the bilinear one against a float64
NumPy reference of docs/semantics.md's bilinear sensor, before they are timed.

    python3 -m venv .venv-peers
    .venv-peers/bin/pip install tensorflow-cpu==2.21.0 torch==2.14.1 numpy
    .venv-peers/bin/python tools/sensor_peers.py [--only S1,S3] [--bilinear S1] [--threads 2] [--target-ms MS]
        [--out FILE]
"""
import argparse
import functools
import json
import os
import statistics
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tf_baseline import WORKLOADS, draw_pairs, generate_input, self_test, sha256_le  # noqa: E402


# The peers with bilinear interpolation, checked against bilinear_reference. grid_sample computes its sample
# positions in float32 from the normalized grid, a few float32 steps of a coordinate up to about 3 in size, times
# H / 2 pixels (2e-5 of a pixel on S3's 224 rows); the tolerance is relative to max |image|.
BILINEAR_PEERS = ('torch-grid-sample',)
BILINEAR_TOLERANCE = 1e-4


def generate_images(w):
    return generate_input({'inputShape': w['imagesShape'], 'inputSeed': w['inputSeed']})


def generate_locations(w):
    """The locationsRule: the offsets rule over the B*n (y, x) pairs, shaped [B, n, 2]."""
    shape = w['locationsShape']
    pairs = draw_pairs(w['locationSeed'], w['locationRanges'], int(np.prod(shape[:-1])))
    return pairs.reshape(shape[0], -1, 2)


def subpixel_corners(locations, side, glimpse):
    """Window corners as ExtractGlimpseV2 places them (centered, normalized), in float32 steps, not truncated."""
    f = np.float32
    return (locations.astype(f) * f(side) / f(2) + f(side) / f(2)) - f(glimpse) / f(2)


def corners(locations, side, glimpse):
    """Window corners as ExtractGlimpseV2 places them (centered, normalized), truncated."""
    return np.trunc(subpixel_corners(locations, side, glimpse)).astype(np.int64)


def bilinear_reference(w, images, locations):
    """The bilinear sensor in float64 (docs/semantics.md, "Bilinear glimpses"), [B, n, k, h, w, C]: per scale,
    the four whole-pixel windows at the corner's floors (and one row, one column further) weighted by the
    corner's fractions, then the s x s block means."""
    b, H, W, C = images.shape
    n = locations.shape[1]
    h, wd = w['size']
    edge = w['padding'] == 'edge'
    x = images.astype(np.float64)
    out = np.empty((b, n, w['scales'], h, wd, C))
    batch = np.arange(b)[:, None, None, None]
    for i in range(w['scales']):
        s = w['scaleFactor'] ** i
        gh, gw = h * s, wd * s
        cy = subpixel_corners(locations[..., 0], H, gh).astype(np.float64)
        cx = subpixel_corners(locations[..., 1], W, gw).astype(np.float64)
        fy, fx = cy - np.floor(cy), cx - np.floor(cx)
        total = np.zeros((b, n, gh, gw, C))
        for a in (0, 1):
            for d in (0, 1):
                ys = np.floor(cy).astype(np.int64)[..., None] + a + np.arange(gh)
                xs = np.floor(cx).astype(np.int64)[..., None] + d + np.arange(gw)
                window = x[batch, ys.clip(0, H - 1)[..., :, None], xs.clip(0, W - 1)[..., None, :]]
                if not edge:
                    inside = ((ys >= 0) & (ys < H))[..., :, None] & ((xs >= 0) & (xs < W))[..., None, :]
                    window = window * inside[..., None]
                weight = (fy if a else 1 - fy) * (fx if d else 1 - fx)
                total += weight[..., None, None, None] * window
        out[:, :, i] = total.reshape(b, n, h, s, wd, s, C).mean((3, 5))
    return out


def torch_peers(w, images, locations, threads, bilinear=False):
    """PyTorch's two formulations (and grid_sample's bilinear one when `bilinear`), on the images in PyTorch's own
    layout (NCHW), outputs NCHW per scale."""
    import torch
    import torch.nn.functional as F

    torch.set_num_threads(threads)
    b, H, W, C = images.shape
    n = locations.shape[1]
    h, wd = w['size']
    edge = w['padding'] == 'edge'
    x = torch.from_numpy(images).permute(0, 3, 1, 2).contiguous()
    flat = x.reshape(b, C, H * W)
    scales = []
    for i in range(w['scales']):
        s = w['scaleFactor'] ** i
        gh, gw = h * s, wd * s
        y0 = torch.from_numpy(corners(locations[..., 0], H, gh))
        x0 = torch.from_numpy(corners(locations[..., 1], W, gw))
        scales.append((s, gh, gw, y0, x0))
    steps = {g: torch.arange(g) for g in {v for sc in scales for v in sc[1:3]}}

    def batched():
        out = []
        for s, gh, gw, y0, x0 in scales:
            ys = y0[..., None] + steps[gh]
            xs = x0[..., None] + steps[gw]
            index = ys.clamp(0, H - 1)[..., :, None] * W + xs.clamp(0, W - 1)[..., None, :]
            window = flat.gather(2, index.reshape(b, 1, -1).expand(-1, C, -1)).reshape(b, C, n, gh, gw)
            if not edge:
                inside = ((ys >= 0) & (ys < H))[..., :, None] & ((xs >= 0) & (xs < W))[..., None, :]
                window = window * inside[:, None]
            window = window.transpose(1, 2).reshape(b * n, C, gh, gw)
            out.append(F.avg_pool2d(window, s) if s > 1 else window)
        return out

    big = max(sc[1] for sc in scales)
    padded = F.pad(x, (big, big, big, big), mode='replicate' if edge else 'constant')
    starts = [((y0 + big).tolist(), (x0 + big).tolist()) for _, _, _, y0, x0 in scales]

    def loop():
        out = []
        for (s, gh, gw, _, _), (ys, xs) in zip(scales, starts):
            windows = [padded[k, :, ys[k][l]:ys[k][l] + gh, xs[k][l]:xs[k][l] + gw] for k in range(b) for l in range(n)]
            window = torch.stack(windows)
            out.append(F.avg_pool2d(window, s) if s > 1 else window)
        return out

    def nhwc(out):
        return torch.stack([o.reshape(b, n, C, h, wd).permute(0, 1, 3, 4, 2) for o in out], 2).numpy()

    # The loop's padding holds only windows within `big` of the image; farther ones are refused.
    reach = all(((sc[3] >= -big) & (sc[3] + sc[1] <= H + big) & (sc[4] >= -big) & (sc[4] + sc[2] <= W + big)).all()
                for sc in scales)
    peers = {'torch-batched': (batched, nhwc)}
    if reach:
        peers['torch-loop'] = (loop, nhwc)
    if bilinear:
        peers['torch-grid-sample'] = grid_sample_peer(w, x, locations)
    return peers, torch.__version__


def grid_sample_peer(w, x, locations):
    """grid_sample (bilinear) + avg_pool2d per scale on x [B, C, H, W]: the run and its [B, n, k, h, w, C] view.
    An image's n windows are stacked along the grid's rows ([B, n*h*s, w*s, 2]); each is h*s rows high, a
    multiple of s, so avg_pool2d's blocks stay inside one window: out [B, C, n*h, w] per scale."""
    import torch
    import torch.nn.functional as F

    b, C, H, W = x.shape
    n = locations.shape[1]
    h, wd = w['size']
    mode = 'border' if w['padding'] == 'edge' else 'zeros'
    scales = []
    for i in range(w['scales']):
        s = w['scaleFactor'] ** i
        gh, gw = h * s, wd * s
        cy = torch.from_numpy(subpixel_corners(locations[..., 0], H, gh))
        cx = torch.from_numpy(subpixel_corners(locations[..., 1], W, gw))
        scales.append((s, gh, gw, cy, cx))
    steps = {g: torch.arange(g, dtype=torch.float32) for g in {v for sc in scales for v in sc[1:3]}}

    def run():
        out = []
        for s, gh, gw, cy, cx in scales:
            # Sample (cy + i, cx + j); align_corners=False puts pixel p's centre at (2p + 1) / H - 1.
            gy = (cy[..., None] + steps[gh]) * (2 / H) + (1 / H - 1)
            gx = (cx[..., None] + steps[gw]) * (2 / W) + (1 / W - 1)
            grid = torch.stack((gx[:, :, None, :].expand(b, n, gh, gw), gy[..., None].expand(b, n, gh, gw)), -1)
            g = F.grid_sample(x, grid.reshape(b, n * gh, gw, 2), mode='bilinear', padding_mode=mode,
                              align_corners=False)
            out.append(F.avg_pool2d(g, s) if s > 1 else g)
        return out

    def nhwc(out):
        return torch.stack([o.reshape(b, C, n, h, wd).permute(0, 2, 3, 4, 1) for o in out], 2).numpy()

    return run, nhwc


def tf_peer(w, images, locations, threads):
    import tensorflow as tf

    tf.config.threading.set_intra_op_parallelism_threads(threads)
    tf.config.threading.set_inter_op_parallelism_threads(threads)
    b = images.shape[0]
    n = locations.shape[1]
    h, wd = w['size']
    x = tf.constant(images)
    where = tf.constant(locations)

    @tf.function
    def composite(x, where):
        per_location = []
        for l in range(n):
            glimpses = []
            for i in range(w['scales']):
                s = w['scaleFactor'] ** i
                g = tf.image.extract_glimpse(x, [h * s, wd * s], where[:, l], centered=True, normalized=True,
                                             noise='zero')
                glimpses.append(tf.nn.avg_pool2d(g, s, s, 'VALID') if s > 1 else g)
            per_location.append(tf.stack(glimpses, 1))
        return tf.stack(per_location, 1)

    return {'tf-composite': (lambda: composite(x, where), lambda out: out.numpy())}, tf.__version__


def median_ms(fn, target_ms):
    fn()
    times = []
    start = time.perf_counter()
    while len(times) < 5 or (time.perf_counter() - start) * 1000 < target_ms and len(times) < 200:
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), len(times)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--only', help='comma-separated sensor workload ids')
    ap.add_argument('--bilinear', help='comma-separated sensor workload ids that also get the bilinear peer '
                    '(default: every workload run)')
    ap.add_argument('--threads', type=int, default=2)
    ap.add_argument('--target-ms', type=float, default=1500.0, help='time budget per peer and workload')
    ap.add_argument('--out', help='write the figures here (JSON)')
    a = ap.parse_args()
    with open(WORKLOADS) as f:
        spec = json.load(f)
    self_test(spec['prng'])
    wanted = a.only.split(',') if a.only else None
    # 2: the bilinear peer, its entries marked with their interpolation.
    result = {'format': 'glimpse-sensor-peers/2', 'threads': a.threads, 'versions': {}, 'workloads': {}}
    for w in spec['sensorWorkloads']['workloads']:
        if wanted and w['id'] not in wanted:
            continue
        images = generate_images(w)
        locations = generate_locations(w)
        if sha256_le(images) != w['check']['inputSha256'] or sha256_le(locations) != w['check']['locationsSha256']:
            sys.exit(f"{w['id']}: generated inputs differ from bench/workloads.json's check values")
        bilinear = a.bilinear is None or w['id'] in a.bilinear.split(',')
        peers = {}
        for make, module in ((functools.partial(torch_peers, bilinear=bilinear), 'torch'), (tf_peer, 'tensorflow')):
            try:
                got, version = make(w, images, locations, a.threads)
            except ImportError:
                continue
            peers.update(got)
            result['versions'][module] = version
        outputs = {name: check(run()) for name, (run, check) in peers.items()}
        reference = outputs.get('torch-batched')
        entry = {}
        for name, (run, _) in peers.items():
            ms, calls = median_ms(run, a.target_ms)
            if name in BILINEAR_PEERS:
                diff = float(np.max(np.abs(outputs[name] - bilinear_reference(w, images, locations))))
                if not diff <= BILINEAR_TOLERANCE * float(np.max(np.abs(images))):
                    sys.exit(f"{w['id']}: {name} differs from the bilinear reference by {diff}")
                entry[name] = {'ms': ms, 'calls': calls, 'interpolation': 'bilinear', 'maxAbsDiffFromReference': diff}
            else:
                diff = float(np.max(np.abs(outputs[name] - reference))) if reference is not None else None
                # TensorFlow pads with zeros where the workload asks for edge padding: not comparable there.
                comparable = not (name == 'tf-composite' and w['padding'] == 'edge')
                if comparable and diff is not None and diff > 1e-5:
                    sys.exit(f"{w['id']}: {name} differs from torch-batched by {diff}")
                entry[name] = {'ms': ms, 'calls': calls, 'interpolation': 'nearest',
                               'maxAbsDiffFromBatched': diff if comparable else None}
            print(f"{w['id']} {name}: {ms:.3f} ms (median of {calls})", flush=True)
        result['workloads'][w['id']] = entry
    if a.out:
        with open(a.out, 'w') as f:
            json.dump(result, f, indent=1)
    print(json.dumps(result))


if __name__ == '__main__':
    main()
