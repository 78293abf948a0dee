/**
 * The golden table (public + extra TensorFlow 2.21 cases) in Chromium on one backend
 * configuration, through the UMD bundle: the same checks as test/golden.test.ts, computed
 * in the page and compared in Node. Each configuration gets its own fresh page.
 */
import type {Browser} from 'playwright-core';
import {ALL_CASES} from '../helpers/fixtures';
import {checkCase} from '../helpers/golden_check';
import {
  GAUSSIAN_CASE,
  GAUSSIAN_SEEDS,
  gaussianFindings,
  UNIFORM_STATS_CASE,
  uniformFindings,
} from '../helpers/noise_distribution';
import type {CaseResult} from '../helpers/golden_run';
import {
  launchBrowser,
  openTfPage,
  pageMemory,
  runCasesInPage,
  showPageLogsOnFailure,
  type StaticServer,
  startServer,
  type TfPage,
  type TfPageOptions,
} from './harness';

/** Shared by the suites of one test file: the page they all run in. */
export interface BrowserSession {
  server?: StaticServer;
  browser?: Browser;
  tfPage?: TfPage;
  /** How the page was opened, to open it again (reviveSession). */
  options?: TfPageOptions;
  extraArgs?: string[];
  /** The page's renderer crashed. */
  crashed?: boolean;
}

async function launchInto(session: BrowserSession): Promise<void> {
  session.browser = await launchBrowser(session.extraArgs);
  session.tfPage = await openTfPage(session.browser, session.server!.url, session.options!);
  session.crashed = false;
  session.tfPage.page.on('crash', () => {
    session.crashed = true;
  });
}

export function openSession(options: TfPageOptions, extraArgs: string[] = []): BrowserSession {
  const session: BrowserSession = {options, extraArgs};
  beforeAll(async () => {
    session.server = await startServer();
    await launchInto(session);
  }, 60000);
  afterAll(async () => {
    await session.tfPage?.close();
    await session.browser?.close();
    await session.server?.close();
  });
  showPageLogsOnFailure(() => session.tfPage?.logs);
  return session;
}

/**
 * Before a suite: if Chromium died (or the page's renderer crashed) during an earlier suite,
 * says so and relaunches it with the same page, so that one crash fails one suite, not the rest.
 */
export async function reviveSession(session: BrowserSession): Promise<void> {
  if (!session.server || !session.options) return; // openSession's beforeAll failed: its error stands
  const page = session.browser?.isConnected() && !session.crashed ? session.tfPage?.page : undefined;
  // A crash may not have been reported yet: the page must still answer.
  const answers = page && !page.isClosed() && (await page.evaluate(() => 1, undefined).catch(() => 0)) === 1;
  if (answers) return;
  console.warn(
    `Chromium ${session.crashed ? "crashed (the page's renderer)" : 'died'} during an earlier suite ` +
      `(${session.options.backend}); relaunching it for the next suites`,
  );
  await session.browser?.close().catch(() => undefined);
  await launchInto(session);
}

export function defineGoldenSuite(label: string, session: BrowserSession): void {
  const results = new Map<string, CaseResult>();
  const seeded = new Map<string, [CaseResult, CaseResult]>();
  let uniformRun: CaseResult | undefined;
  const gaussianRuns: CaseResult[] = [];
  let baseline = -1;
  let after = -1;

  describe(`golden cases in Chromium [${label}]`, () => {
    beforeAll(async () => {
      const page = session.tfPage!.page;
      baseline = (await pageMemory(page)).numTensors;
      const plain = await runCasesInPage(page, ALL_CASES);
      ALL_CASES.forEach((c, i) => results.set(c.name, plain[i]));
      // Noise cases: a seeded run obeys the same bounds and is reproducible.
      const noise = ALL_CASES.filter(c => c.expected.kind === 'noise');
      const first = await runCasesInPage(page, noise, 1234);
      const second = await runCasesInPage(page, noise, 1234);
      noise.forEach((c, i) => seeded.set(c.name, [first[i], second[i]]));
      after = (await pageMemory(page)).numTensors;
      [uniformRun] = await runCasesInPage(page, [UNIFORM_STATS_CASE], 7);
      for (const seed of GAUSSIAN_SEEDS) gaussianRuns.push(...(await runCasesInPage(page, [GAUSSIAN_CASE], seed)));
    }, 180000);

    test('uniform noise of the .stats case is uniform over the image range', () => {
      expect(uniformFindings(uniformRun!)).toEqual([]);
    });

    test('gaussian noise follows each channel mean and sigma, clipped to the channel range', () => {
      expect(gaussianFindings(gaussianRuns)).toEqual([]);
    });

    test.each(ALL_CASES.map(c => [c.name, c] as const))('%s', (name, c) => {
      const r = results.get(name);
      expect(r).toBeDefined();
      expect(checkCase(c, r!)).toEqual([]);
      if (c.expected.kind === 'noise') {
        const [first, second] = seeded.get(name)!;
        expect(checkCase(c, first)).toEqual([]);
        expect(second.bits).toEqual(first.bits);
      }
    });

    test('the page logged no error', () => {
      expect(session.tfPage!.errors).toEqual([]);
    });

    test('no tensor leaked in the page over the whole table', () => {
      expect(baseline).toBeGreaterThanOrEqual(0);
      expect(after).toBe(baseline);
    });
  });
}
