/**
 * The hostile cases of one Node backend, run in child processes (hostile_child.cjs) so that a
 * crash (V8 out of memory, an abort) or a hang fails its case instead of killing the test run:
 * a case that ends its process, or gives no result within CASE_TIMEOUT_MS, is recorded as
 * such, and a new process goes on from the next case.
 */
import {spawn} from 'child_process';
import * as path from 'path';
import {casesFor, type HostileResult} from './hostile_cases';

/** Every case takes well under a second; one that gives nothing for this long is hung. */
export const CASE_TIMEOUT_MS = 30000;

const CHILD = path.join(__dirname, 'hostile_child.cjs');

interface ChildRun {
  /** The first case without a result. */
  next: number;
  /** Why the process ended before `next` had a result, or undefined when it finished. */
  failure?: string;
}

function runChild(backend: string, start: number, results: Record<string, HostileResult>): Promise<ChildRun> {
  return new Promise(done => {
    const child = spawn(process.execPath, [CHILD, backend, String(start)], {stdio: ['ignore', 'pipe', 'pipe']});
    let next = start;
    let pending = '';
    let stderr = '';
    let finished = false;
    let timer: NodeJS.Timeout;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        child.kill('SIGKILL');
        end({next, failure: `gave no result within ${CASE_TIMEOUT_MS / 1000} s: hung, its process killed`});
      }, CASE_TIMEOUT_MS);
    };
    const end = (run: ChildRun) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      done(run);
    };
    child.stdout.on('data', chunk => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      // tfjs's own console lines (its Node banner) share stdout: results are JSON objects.
      for (const text of lines.filter(l => l.startsWith('{'))) {
        const message = JSON.parse(text);
        if (message.done !== undefined) next = message.done;
        else {
          results[message.name] = message.result;
          next = message.index + 1;
        }
        arm();
      }
    });
    child.stderr.on('data', chunk => {
      stderr = (stderr + chunk).slice(-2000);
    });
    child.on('exit', (code, signal) => {
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      end(finished || code === 0 ? {next} : {next, failure: `crashed: its process ${how}; stderr: ${stderr.trim()}`});
    });
    arm();
  });
}

/** Every case of `backend`, each in a child process, by name. */
export async function runIsolated(backend: string): Promise<Record<string, HostileResult>> {
  const cases = casesFor(backend);
  const results: Record<string, HostileResult> = {};
  for (let start = 0; start < cases.length;) {
    const {next, failure} = await runChild(backend, start, results);
    if (failure === undefined) break;
    if (next < cases.length) {
      const none = {leakedTensors: 0, leakedBytes: 0, leakedDataIds: 0};
      results[cases[next].name] = {error: `the case ${failure}`, ...none};
    }
    start = next + 1;
  }
  return results;
}
