/** The built binary, run as a clerk or CI would: no colour, output captured, in Chinese unless the test says otherwise. */
import { spawnSync } from 'node:child_process';
import { message, type MessageId, type Params } from '../src/i18n/index.js';

/** The environment of a run: no colour, and no locale that would choose English. */
export const CLERK_ENV = { ...process.env, NO_COLOR: '1', LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

export function safetyTasks(...args: string[]) {
  return safetyTasksWith([], ...args);
}

/** The same, with options for node itself (`--import` a loader hook). */
export function safetyTasksWith(nodeOptions: string[], ...args: string[]) {
  return runWith({}, nodeOptions, args);
}

/** The same, with more environment (COLUMNS, LANG, TZ, SAFETY_TASKS_NOW). */
export function safetyTasksIn(env: Record<string, string>, ...args: string[]) {
  return runWith(env, [], args);
}

function runWith(env: Record<string, string>, nodeOptions: string[], args: string[], timeout?: number) {
  const result = spawnSync(process.execPath, [...nodeOptions, 'bin/safety-tasks.js', ...args], {
    encoding: 'utf8',
    env: { ...CLERK_ENV, ...env },
    maxBuffer: 64 * 1024 * 1024,
    ...(timeout ? { timeout } : {}),
  });
  return { status: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

/** The built binary with a time limit on the process (not a timing assertion): a run that hangs is killed and shows as such. */
export function safetyTasksWithin(milliseconds: number, ...args: string[]) {
  return safetyTasksInWithin({}, milliseconds, ...args);
}

/** The same, with more environment. */
export function safetyTasksInWithin(env: Record<string, string>, milliseconds: number, ...args: string[]) {
  return runWith(env, [], args, milliseconds);
}

/** A message of the catalogue as the Chinese interface prints it. */
export const zh = (id: MessageId, params?: Params) => message('zh', id, params);
export const en = (id: MessageId, params?: Params) => message('en', id, params);

/** A message as a pattern, for matching inside a line. */
export const pattern = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
