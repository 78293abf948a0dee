"""The RAM example's model and training step in PyTorch, timed: the peer for
tools/ram_speed.mjs (samples per second of the same step on tfjs backends).

The same network as examples/ram/model.mjs (glimpse network 128/256 units, a relu RNN core of
256, a location network on the stopped state, a baseline on the pre-action state), the same
sensor (k scales of nearest-neighbour windows, each scale's window of size*2^i shrunk to size by
block means: a batched gather and avg_pool2d), the same loss (cross-entropy, the per-step
REINFORCE term, the baseline's squared error), gradients clipped to a global norm of 5, Adam.

    python3 -m venv .venv-torch
    .venv-torch/bin/pip install torch==2.14.1 numpy
    .venv-torch/bin/python tools/ram_torch.py [--tasks mnist28,translated60] [--batch 128]
        [--threads 2] [--steps 30] [--warmup 5] [--profile]

--profile also counts the operators one step dispatches (torch.profiler, top level: what the
step's Python code and autograd call, not what those call inside) and prints the busiest.

PyTorch is a tool for this comparison only, never a dependency.
"""

import argparse
import json
import time

import torch
import torch.nn.functional as F
from torch import nn

TASKS = {
    "mnist28": dict(side=28, size=8, scales=1, glimpses=6, sigma=0.17),
    "translated60": dict(side=60, size=12, scales=3, glimpses=6, sigma=0.12),
    "cluttered60": dict(side=60, size=12, scales=3, glimpses=6, sigma=0.12),
}
HIDDEN = 256
GLIMPSE_HIDDEN = 128


def sensor(images, where, size, scales):
    """[B, scales * size * size] patches of images [B, H, W] around where [B, 2] (y, x in [-1, 1])."""
    b, h, w = images.shape
    flat = images.reshape(b, h * w)
    out = []
    for i in range(scales):
        s = 2**i
        g = size * s
        # The window's corner as extract_glimpse places it (centred, normalized), truncated.
        y0 = ((where[:, 0] + 1) * (h / 2) - g / 2).trunc().long()
        x0 = ((where[:, 1] + 1) * (w / 2) - g / 2).trunc().long()
        steps = torch.arange(g)
        ys = y0[:, None] + steps[None]
        xs = x0[:, None] + steps[None]
        inside = ((ys >= 0) & (ys < h))[:, :, None] & ((xs >= 0) & (xs < w))[:, None, :]
        index = ys.clamp(0, h - 1)[:, :, None] * w + xs.clamp(0, w - 1)[:, None, :]
        window = flat.gather(1, index.reshape(b, -1)).reshape(b, g, g) * inside
        if s > 1:
            window = F.avg_pool2d(window[:, None], s)[:, 0]
        out.append(window.reshape(b, -1))
    return torch.cat(out, 1)


class Ram(nn.Module):
    def __init__(self, task):
        super().__init__()
        self.t = TASKS[task]
        patch = self.t["scales"] * self.t["size"] ** 2
        self.patches = nn.Linear(patch, GLIMPSE_HIDDEN)
        self.where = nn.Linear(2, GLIMPSE_HIDDEN)
        self.glimpse_from_patches = nn.Linear(GLIMPSE_HIDDEN, HIDDEN)
        self.glimpse_from_where = nn.Linear(GLIMPSE_HIDDEN, HIDDEN)
        self.core_from_state = nn.Linear(HIDDEN, HIDDEN)
        self.core_from_glimpse = nn.Linear(HIDDEN, HIDDEN)
        self.location = nn.Linear(HIDDEN, 2)
        self.baseline = nn.Linear(HIDDEN, 1)
        self.classifier = nn.Linear(HIDDEN, 10)

    def loss(self, images, labels):
        t = self.t
        b = images.shape[0]
        h = images.new_zeros(b, HIDDEN)
        log_pi, baselines = [], []
        for _ in range(t["glimpses"]):
            state = h.detach()
            mean = torch.tanh(self.location(state))
            baselines.append(self.baseline(state)[:, 0])
            draw = mean.detach() + t["sigma"] * torch.randn_like(mean)
            # log N(draw; mean, sigma^2) less its constant, of the unclipped draw.
            log_pi.append((-((draw - mean) ** 2) / (2 * t["sigma"] ** 2)).sum(1))
            where = draw.clamp(-1, 1)
            p = sensor(images, where, t["size"], t["scales"])
            g = F.relu(
                self.glimpse_from_patches(F.relu(self.patches(p)))
                + self.glimpse_from_where(F.relu(self.where(where)))
            )
            h = F.relu(self.core_from_state(h) + self.core_from_glimpse(g))
        logits = self.classifier(h)
        classification = F.cross_entropy(logits, labels)
        reward = (logits.argmax(1) == labels).float()
        base = torch.stack(baselines)
        policy = -(torch.stack(log_pi) * (reward[None] - base).detach()).sum(0).mean()
        baseline = ((reward[None] - base) ** 2).mean()
        return classification + policy + baseline


def profile(step):
    """Operators one call of `step` dispatches at the top level; prints the ten most frequent."""
    from collections import Counter

    from torch.profiler import ProfilerActivity
    from torch.profiler import profile as record

    with record(activities=[ProfilerActivity.CPU]) as p:
        step()
    top = [e for e in p.events() if e.cpu_parent is None and not e.name.startswith("ProfilerStep")]
    counts = Counter(e.name for e in top)
    print(f"  {len(top)} operators per step; most frequent: "
          + ", ".join(f"{n} {c}" for n, c in counts.most_common(10)))
    return len(top)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tasks", default="mnist28,translated60")
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--steps", type=int, default=30)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--profile", action="store_true")
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    results = []
    for task in a.tasks.split(","):
        model = Ram(task)
        optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
        side = TASKS[task]["side"]
        images = torch.rand(a.batch, side, side)
        labels = torch.randint(0, 10, (a.batch,))
        def step():
            optimizer.zero_grad()
            model.loss(images, labels).backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5)
            optimizer.step()

        for s in range(a.warmup + a.steps):
            if s == a.warmup:
                start = time.perf_counter()
            step()
        seconds = time.perf_counter() - start
        rate = a.steps * a.batch / seconds
        result = dict(task=task, batch=a.batch, threads=a.threads, samplesPerSecond=round(rate),
                      msPerStep=1000 * seconds / a.steps)
        print(f"pytorch {torch.__version__} {task}: {rate:.0f} samples/s "
              f"({1000 * seconds / a.steps:.1f} ms per step of {a.batch}, {a.threads} threads)")
        if a.profile:
            result["opsPerStep"] = profile(step)
        results.append(result)
    print(json.dumps({"results": results}))


if __name__ == "__main__":
    main()
