/**
 * The RAM example's policy gradient, on a case worked by hand: two glimpses, two images,
 * fixed draws. Every kernel is zero but the baseline's, so the policy's mean is tanh of the
 * location bias at every step, the state is h_0 = 0 then h_1 = relu(state bias) = 0.5 in every
 * unit, and the baseline is b(h_0) = its bias, b(h_1) = bias + 256 * 0.5 * kernel. The
 * classifier's bias picks class 3: the first image (label 3) earns reward 1, the second 0.
 *
 * REINFORCE, each action with its own advantage and the baseline on the state it was drawn
 * from: d/d(bias_j) of -(1/B) sum_b sum_t log pi(l_bt | h_t) (R_b - b(h_t)) is
 * -(1/B) sum_b sum_t (R_b - b_t) (z_btj / sigma) (1 - tanh(bias_j)^2), the draw's log-density
 * taken unclipped (one draw here lands outside [-1, 1]); the kernel's row i has the same sum
 * with each term times h_t[i], so only t = 1 counts. The baseline's squared error, a mean over
 * the B x T pairs, has gradient -(2 / BT) sum (R_b - b_t) (times h_t[i] for the kernel).
 */
import {execFileSync} from 'child_process';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const SIGMA = 0.17; // mnist28's policy sigma
const HIDDEN = 256;

const setup = {
  location: {bias: [0.3, -0.2]},
  baseline: {kernel: 0.001, bias: 0.2},
  stateBias: 0.5,
  // Class 3 wins for every image.
  classifierBias: [0, 0, 0, 1, 0, 0, 0, 0, 0, 0],
  labels: [3, 5],
  // draws[t][b] = z (standard normal draws); the first image's second draw, 5 sigma away,
  // puts its location at 0.29 + 0.85 > 1, clipped for the sensor.
  draws: [
    [
      [0.5, -1.0],
      [1.5, 0.25],
    ],
    [
      [5.0, 0.75],
      [-0.5, -2.0],
    ],
  ],
};

type Result = {
  parts: {policy: number; baseline: number; reward: number[]};
  grads: Record<string, number[] | number[][]>;
};

let result: Result;

beforeAll(() => {
  const out = execFileSync(
    process.execPath,
    [path.join(ROOT, 'test', 'helpers', 'ram_estimator_run.mjs'), JSON.stringify(setup)],
    {cwd: ROOT, encoding: 'utf8', timeout: 60000, stdio: ['ignore', 'pipe', 'pipe']},
  );
  result = JSON.parse(out.trim().split('\n').pop()!);
}, 90000);

// By hand: the rewards, baselines and advantages of the case.
const reward = [1, 0];
const h1 = setup.stateBias;
const baselines = [setup.baseline.bias, setup.baseline.bias + HIDDEN * h1 * setup.baseline.kernel]; // 0.2, 0.328
const advantage = (b: number, t: number) => reward[b] - baselines[t];
const slope = setup.location.bias.map(c => 1 - Math.tanh(c) ** 2);
const B = setup.labels.length;
const T = setup.draws.length;

test('the reward is 1 for the right answer, 0 for the wrong one', () => {
  expect(result.parts.reward).toEqual(reward);
});

test('the policy gradient on the location bias is the per-step estimator, baseline on the pre-action state', () => {
  const expected = [0, 1].map(j => {
    let sum = 0;
    for (let b = 0; b < B; b++)
      for (let t = 0; t < T; t++) sum += advantage(b, t) * (setup.draws[t][b][j] / SIGMA) * slope[j];
    return -sum / B;
  });
  const got = result.grads['location/bias'] as number[];
  expect(got[0]).toBeCloseTo(expected[0], 4);
  expect(got[1]).toBeCloseTo(expected[1], 4);
});

test('the policy gradient on the location kernel counts only the step whose state is not zero', () => {
  const expected = [0, 1].map(j => {
    let sum = 0;
    for (let b = 0; b < B; b++) sum += advantage(b, 1) * (setup.draws[1][b][j] / SIGMA) * slope[j] * h1;
    return -sum / B;
  });
  const rows = result.grads['location/kernel'] as number[][];
  expect(rows).toHaveLength(HIDDEN);
  for (const row of [rows[0], rows[100], rows[HIDDEN - 1]]) {
    expect(row[0]).toBeCloseTo(expected[0], 4);
    expect(row[1]).toBeCloseTo(expected[1], 4);
  }
});

test("the baseline's gradient is its squared error's, over every step and image", () => {
  let all = 0;
  let late = 0;
  for (let b = 0; b < B; b++)
    for (let t = 0; t < T; t++) {
      all += reward[b] - baselines[t];
      if (t === 1) late += (reward[b] - baselines[t]) * h1;
    }
  expect((result.grads['baseline/bias'] as number[])[0]).toBeCloseTo((-2 * all) / (B * T), 5);
  const rows = result.grads['baseline/kernel'] as number[][];
  expect(rows[0][0]).toBeCloseTo((-2 * late) / (B * T), 5);
  expect(rows[HIDDEN - 1][0]).toBeCloseTo((-2 * late) / (B * T), 5);
});

test('the loss parts have their hand-worked values', () => {
  // log pi less its constant: -z^2 / 2 summed over both axes.
  let policy = 0;
  let squared = 0;
  for (let b = 0; b < B; b++)
    for (let t = 0; t < T; t++) {
      const [z0, z1] = setup.draws[t][b];
      policy += (-(z0 * z0 + z1 * z1) / 2) * advantage(b, t);
      squared += advantage(b, t) ** 2;
    }
  expect(result.parts.policy).toBeCloseTo(-policy / B, 4);
  expect(result.parts.baseline).toBeCloseTo(squared / (B * T), 5);
});
