/**
 * Reading a file that someone else named (a registry, the notice a registry
 * points at): stat before open, only regular files under a size limit, opened
 * without blocking and checked again once open, so a FIFO, a device or a swap
 * of the file between the two never hangs or floods a run.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { t } from './i18n/index.js';

export type ReadProblem =
  | { problem: 'missing' }
  | { problem: 'not-regular'; kind: FileKind }
  | { problem: 'too-large'; size: number }
  | { problem: 'unreadable' };

export type ReadResult = { bytes: Buffer; modified: Date } | ReadProblem;

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export type FileKind = 'directory' | 'fifo' | 'socket' | 'device' | 'link' | 'special';

/** What a file that is not a regular file is (its word is `io.kind.…` in the catalogue). */
export function fileKind(info: Stats): FileKind {
  if (info.isDirectory()) return 'directory';
  if (info.isFIFO()) return 'fifo';
  if (info.isSocket()) return 'socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'device';
  if (info.isSymbolicLink()) return 'link';
  return 'special';
}

const checked = (info: Stats, limit: number): ReadProblem | null =>
  !info.isFile() ? { problem: 'not-regular', kind: fileKind(info) } : info.size > limit ? { problem: 'too-large', size: info.size } : null;

/**
 * The bytes of a regular file of at most `limit` bytes, or why it was not read.
 * Synchronous: files are read one at a time and parsed at once, and five awaited
 * calls a file cost more CPU than the parse of a small registry saves.
 */
export function readRegularFile(file: string, limit: number): ReadResult {
  let before: Stats;
  try {
    before = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable' };
  }
  const refused = checked(before, limit);
  if (refused) return refused;
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch {
    return { problem: 'unreadable' };
  }
  try {
    const now = fstatSync(fd);
    const swapped = checked(now, limit) ?? (now.ino !== before.ino || now.dev !== before.dev ? { problem: 'unreadable' as const } : null);
    if (swapped) return swapped;
    const bytes = Buffer.alloc(now.size);
    let read = 0;
    while (read < bytes.length) {
      const bytesRead = readSync(fd, bytes, read, bytes.length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return { bytes: bytes.subarray(0, read), modified: now.mtime };
  } catch {
    return { problem: 'unreadable' };
  } finally {
    closeSync(fd);
  }
}

const lstatSafe = (p: string) => {
  try {
    return lstatSync(p);
  } catch {
    return null;
  }
};

const within = (relative: string) => relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);

/**
 * Where `target` really is, if it is inside `root` (a real path): symbolic
 * links are followed by reading them, never by looking outside, so nothing
 * about a path outside the repository is learnt — not even whether it exists.
 */
export function resolveInside(root: string, target: string): { path: string } | { problem: 'outside' | 'missing' } {
  const start = path.relative(root, path.resolve(target));
  if (!within(start)) return { problem: 'outside' };
  let pending = start.split(path.sep).filter((part) => part !== '' && part !== '.');
  let current = root;
  let links = 0;
  while (pending.length > 0) {
    const part = pending.shift()!;
    if (part === '..') {
      if (current === root) return { problem: 'outside' };
      current = path.dirname(current);
      continue;
    }
    const next = path.join(current, part);
    const info = lstatSafe(next);
    if (!info) return { problem: 'missing' };
    if (info.isSymbolicLink()) {
      if (++links > 40) return { problem: 'missing' };
      const relative = path.relative(root, path.resolve(current, readlinkSync(next)));
      if (!within(relative)) return { problem: 'outside' };
      pending = [...relative.split(path.sep).filter((p) => p !== '' && p !== '.'), ...pending];
      current = root;
      continue;
    }
    current = next;
  }
  return { path: current };
}

/** Why a file was not read, in a clerk's words. */
export function readProblemMessage(problem: ReadProblem, limit: number): string {
  switch (problem.problem) {
    case 'missing':
      return t('io.ENOENT');
    case 'not-regular':
      return problem.kind === 'directory' ? t('io.EISDIR') : t('io.not-regular', { kind: t(`io.kind.${problem.kind}`) });
    case 'too-large':
      return t('io.too-large', { size: Math.ceil(problem.size / 1024 / 1024), limit: Math.round(limit / 1024 / 1024) });
    case 'unreadable':
      return t('io.unreadable');
  }
}
