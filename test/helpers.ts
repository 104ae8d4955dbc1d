/** The built binary, run as a clerk or CI would: no colour, output captured. */
import { spawnSync } from 'node:child_process';

export function safetyTasks(...args: string[]) {
  return safetyTasksWith([], ...args);
}

/** The same, with options for node itself (`--import` a loader hook). */
export function safetyTasksWith(nodeOptions: string[], ...args: string[]) {
  const result = spawnSync(process.execPath, [...nodeOptions, 'bin/safety-tasks.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The built binary with a time limit on the process (not a timing assertion): a run that hangs is killed and shows as such. */
export function safetyTasksWithin(milliseconds: number, ...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/safety-tasks.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
    timeout: milliseconds,
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}
