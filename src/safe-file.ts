/**
 * Reading and writing the files people keep (registries): every writer goes
 * through here, so a write keeps what the file was — its mode, owner, hard
 * links, symlink, line endings and byte-order mark — and two writers never
 * lose each other's edit (one lock per file, taken before it is read).
 * The calls are synchronous: a registry is a dozen small calls, and handing
 * each to libuv's thread pool cost more than the calls themselves (issue 17).
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { constants, type Stats } from 'node:fs';
import path from 'node:path';
import { t } from './i18n/index.js';
import { ioErrorMessage } from './io-error.js';


export class FileProblem extends Error {
  constructor(
    readonly kind: 'missing' | 'unreadable' | 'not-utf8' | 'busy' | 'unwritable',
    message: string,
  ) {
    super(message);
  }
}

/** A text file as read: its text with LF line breaks, and how to write it back as it was. */
export interface TextFile {
  text: string;
  /** CRLF when every line break of the file was CRLF; mixed files are left as they are */
  lineEnding: '\n' | '\r\n';
  bom: boolean;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The file's text; a file that is not UTF-8 is refused, never decoded with replacement characters. */
export async function readTextFile(file: string): Promise<TextFile> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FileProblem(code === 'ENOENT' ? 'missing' : 'unreadable', ioErrorMessage(error));
  }
  return decodeText(bytes);
}

export function decodeText(bytes: Uint8Array): TextFile {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new FileProblem('not-utf8', t('io.not-utf8'));
  }
  const bom = text.startsWith('\uFEFF');
  if (bom) text = text.slice(1);
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1;
  if (crlf > 0 && crlf === lf) return { text: text.replace(/\r\n/g, '\n'), lineEnding: '\r\n', bom };
  return { text, lineEnding: '\n', bom };
}

/** Text with LF breaks, written back the way `like` was. */
export function encodeText(text: string, like: Pick<TextFile, 'lineEnding' | 'bom'>): string {
  return (like.bom ? '\uFEFF' : '') + (like.lineEnding === '\r\n' ? text.replace(/\r?\n/g, '\r\n') : text);
}

/**
 * The file a write to `target` lands in (a symlink's target, else the path
 * itself) and what it is now, null when it is not there yet. A file that is
 * no link is what lstat saw: one call less per write.
 */
function realTarget(target: string): { real: string; info: Stats | null } {
  const link = statOrNull(fs.lstatSync, target);
  if (!link) return { real: path.resolve(target), info: null };
  let real: string;
  try {
    real = fs.realpathSync(target);
  } catch {
    throw new FileProblem('unwritable', t('io.dangling-link'));
  }
  return { real, info: link.isSymbolicLink() ? statOrNull(fs.statSync, real) : link };
}

/** What is at a path, or null where nothing can be seen (missing, or a folder on the way we may not read). */
function statOrNull(call: typeof fs.statSync, file: string): Stats | null {
  try {
    return call(file);
  } catch {
    return null;
  }
}

/**
 * Write `content` to `target` so that an interrupted run leaves the old file
 * whole: a temporary file with an unpredictable name, created exclusively and
 * never through a link, then renamed over the file. A file with other hard
 * links, or owned by someone the rename would take it from, is written in place instead.
 */
export async function writeFileSafely(target: string, content: string | Uint8Array): Promise<void> {
  const { real, info } = realTarget(target);
  removeLeftovers(real);
  try {
    if (info && info.nlink > 1) return writeInPlace(real, content);
    const temporary = temporaryBeside(real);
    let handle: number | null = openExclusively(temporary, info ? info.mode & 0o7777 : 0o666);
    let renamed = false;
    try {
      fs.writeFileSync(handle, content);
      if (info) {
        fs.fchmodSync(handle, info.mode & 0o7777);
        if (!keepOwner(handle, info)) {
          fs.closeSync(handle);
          handle = null;
          fs.unlinkSync(temporary);
          return writeInPlace(real, content);
        }
        // synced before the rename only where there is a file to keep: a crash then leaves the old one, never half a
        // new one; a new file has nothing to lose (the run that made it can make it again)
        fs.fsyncSync(handle);
      }
      fs.closeSync(handle);
      handle = null;
      fs.renameSync(temporary, real);
      renamed = true;
    } finally {
      if (!renamed) {
        if (handle !== null) ignore(() => fs.closeSync(handle!));
        ignore(() => fs.unlinkSync(temporary));
      }
    }
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    throw new FileProblem('unwritable', ioErrorMessage(error));
  }
}

/**
 * Create `target` holding `content`, unless something is there: false then,
 * and nothing written. Made whole beside it and hard-linked into place, so no
 * reader sees half of it and no lock is needed — the link fails where another
 * writer came first. Where the file system has no hard links, under the lock.
 */
export async function createFileExclusively(target: string, content: string | Uint8Array): Promise<boolean> {
  if (statOrNull(fs.lstatSync, target)) return false;
  const real = path.resolve(target);
  removeLeftovers(real);
  const temporary = temporaryBeside(real);
  try {
    const handle = openExclusively(temporary, 0o666);
    try {
      fs.writeFileSync(handle, content);
    } finally {
      fs.closeSync(handle);
    }
    fs.linkSync(temporary, real);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw new FileProblem('unwritable', ioErrorMessage(error));
  } finally {
    ignore(() => fs.unlinkSync(temporary));
  }
  return withFileLock(target, async () => {
    if (statOrNull(fs.lstatSync, target)) return false;
    await writeFileSafely(target, content);
    return true;
  });
}

/** A temporary file's name beside `real`, unpredictable, and the pid that removeLeftovers reads back. */
const temporaryBeside = (real: string) => path.join(path.dirname(real), `.${path.basename(real)}.${process.pid}.${randomBytes(8).toString('hex')}.tmp`);

/** Opened only if it is not there, and never through a link. */
const openExclusively = (file: string, mode: number) => fs.openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, mode);

const ignore = (call: () => void) => {
  try {
    call();
  } catch {
    // already gone, or never made: nothing to clean
  }
};

/** Give the new file the old one's owner and group; false when we may not. */
function keepOwner(handle: number, info: Stats): boolean {
  const uid = process.getuid?.();
  const gid = process.getgid?.();
  if (uid === undefined || (info.uid === uid && info.gid === gid)) return true;
  try {
    fs.fchownSync(handle, info.uid, info.gid);
    return true;
  } catch {
    return false;
  }
}

function writeInPlace(real: string, content: string | Uint8Array): void {
  const bytes = Buffer.from(content);
  const handle = fs.openSync(real, constants.O_WRONLY | constants.O_NOFOLLOW);
  try {
    fs.writeSync(handle, bytes, 0, bytes.length, 0);
    fs.ftruncateSync(handle, bytes.length);
    fs.fsyncSync(handle);
  } finally {
    fs.closeSync(handle);
  }
}

/**
 * Temporary files a killed run left beside `real`: its process is gone. A
 * folder is listed once a run (a listing a write made a run of n writes n²).
 */
function removeLeftovers(real: string): void {
  const folder = path.dirname(real);
  let found = leftovers.get(folder);
  if (!found) leftovers.set(folder, (found = leftoversIn(folder)));
  for (const leftover of found.get(path.basename(real)) ?? []) {
    if (statOrNull(fs.lstatSync, leftover)?.isFile()) ignore(() => fs.unlinkSync(leftover));
  }
}

const leftovers = new Map<string, Map<string, string[]>>();

/** The leftovers of dead runs in a folder, by the name of the file each was to replace. */
function leftoversIn(folder: string): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  let names: string[] = [];
  ignore(() => (names = fs.readdirSync(folder)));
  for (const name of names) {
    const match = /^\.(.+)\.(\d+)\.[0-9a-f]{16}\.tmp$/.exec(name);
    if (!match || isRunning(Number(match[2]))) continue;
    byFile.set(match[1]!, [...(byFile.get(match[1]!) ?? []), path.join(folder, name)]);
  }
  return byFile;
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Run `edit` holding the file's lock (`<file>.lock`, proper-lockfile): read
 * the file inside it, so an edit is made on what the last writer left. A lock
 * whose holder died is taken over once it is 10 s stale.
 */
export async function withFileLock<T>(target: string, edit: () => Promise<T>): Promise<T> {
  const { real } = realTarget(target);
  const lockPath = `${real}.lock`;
  const options = { realpath: false, lockfilePath: lockPath, stale: 10_000, update: 2_000, onCompromised: () => {} };
  // loaded by the first write that takes a lock: a new registry is created without one
  const { default: lockfile } = await import('proper-lockfile');
  let release: () => void | Promise<void>;
  try {
    // taken at once when free, the common case; a lock another run holds is waited for
    release = lockfile.lockSync(real, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw new FileProblem('busy', t('io.busy', { lock: lockPath }));
    try {
      release = await lockfile.lock(real, {
        ...options,
        // about 18 s of patience, in 200 waits growing from 25–50 ms to 100 ms: the retry package draws and sorts every wait
        // up front, so a thousand short ones cost more than the write itself
        retries: { retries: 200, factor: 1.02, minTimeout: 25, maxTimeout: 100, randomize: true },
      });
    } catch {
      throw new FileProblem('busy', t('io.busy', { lock: lockPath }));
    }
  }
  try {
    return await edit();
  } finally {
    try {
      await release();
    } catch {
      // a lock taken over as stale is another run's now
    }
  }
}
