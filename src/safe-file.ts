/**
 * Reading and writing the files people keep (registries): every writer goes
 * through here, so a write keeps what the file was — its mode, owner, hard
 * links, symlink, line endings and byte-order mark — and two writers never
 * lose each other's edit (one lock per file, taken before it is read).
 */
import { randomBytes } from 'node:crypto';
import { constants, promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
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
    bytes = await fs.readFile(file);
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
async function realTarget(target: string): Promise<{ real: string; info: Stats | null }> {
  const link = await fs.lstat(target).catch(() => null);
  if (!link) return { real: path.resolve(target), info: null };
  let real: string;
  try {
    real = await fs.realpath(target);
  } catch {
    throw new FileProblem('unwritable', t('io.dangling-link'));
  }
  return { real, info: link.isSymbolicLink() ? await fs.stat(real).catch(() => null) : link };
}

/**
 * Write `content` to `target` so that an interrupted run leaves the old file
 * whole: a temporary file with an unpredictable name, created exclusively and
 * never through a link, then renamed over the file. A file with other hard
 * links, or owned by someone the rename would take it from, is written in place instead.
 */
export async function writeFileSafely(target: string, content: string | Uint8Array): Promise<void> {
  const { real, info } = await realTarget(target);
  await removeLeftovers(real);
  try {
    if (info && info.nlink > 1) return await writeInPlace(real, content);
    const temporary = path.join(path.dirname(real), `.${path.basename(real)}.${process.pid}.${randomBytes(8).toString('hex')}.tmp`);
    const handle = await fs.open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, info ? info.mode & 0o7777 : 0o666);
    let renamed = false;
    try {
      await handle.writeFile(content);
      if (info) {
        await handle.chmod(info.mode & 0o7777);
        if (!(await keepOwner(handle, info))) {
          await handle.close();
          await fs.unlink(temporary);
          return await writeInPlace(real, content);
        }
      }
      await handle.sync();
      await handle.close();
      await fs.rename(temporary, real);
      renamed = true;
    } finally {
      if (!renamed) {
        await handle.close().catch(() => {});
        await fs.unlink(temporary).catch(() => {});
      }
    }
  } catch (error) {
    if (error instanceof FileProblem) throw error;
    throw new FileProblem('unwritable', ioErrorMessage(error));
  }
}

/** Give the new file the old one's owner and group; false when we may not. */
async function keepOwner(handle: fs.FileHandle, info: Stats): Promise<boolean> {
  const uid = process.getuid?.();
  const gid = process.getgid?.();
  if (uid === undefined || (info.uid === uid && info.gid === gid)) return true;
  try {
    await handle.chown(info.uid, info.gid);
    return true;
  } catch {
    return false;
  }
}

async function writeInPlace(real: string, content: string | Uint8Array): Promise<void> {
  const bytes = Buffer.from(content);
  const handle = await fs.open(real, constants.O_WRONLY | constants.O_NOFOLLOW);
  try {
    await handle.write(bytes, 0, bytes.length, 0);
    await handle.truncate(bytes.length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Temporary files a killed run left beside `real`: its process is gone. A
 * folder is listed once a run (a listing a write made a run of n writes n²).
 */
async function removeLeftovers(real: string): Promise<void> {
  const folder = path.dirname(real);
  let found = leftovers.get(folder);
  if (!found) leftovers.set(folder, (found = leftoversIn(folder)));
  for (const leftover of (await found).get(path.basename(real)) ?? []) {
    const info = await fs.lstat(leftover).catch(() => null);
    if (info?.isFile()) await fs.unlink(leftover).catch(() => {});
  }
}

const leftovers = new Map<string, Promise<Map<string, string[]>>>();

/** The leftovers of dead runs in a folder, by the name of the file each was to replace. */
async function leftoversIn(folder: string): Promise<Map<string, string[]>> {
  const byFile = new Map<string, string[]>();
  for (const name of await fs.readdir(folder).catch(() => [] as string[])) {
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
  const { real } = await realTarget(target);
  const lockPath = `${real}.lock`;
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(real, {
      realpath: false,
      lockfilePath: lockPath,
      stale: 10_000,
      update: 2_000,
      // about 18 s of patience, in 200 waits growing from 25–50 ms to 100 ms: the retry package draws and sorts every wait
      // up front, so a thousand short ones cost more than the write itself
      retries: { retries: 200, factor: 1.02, minTimeout: 25, maxTimeout: 100, randomize: true },
      onCompromised: () => {},
    });
  } catch {
    throw new FileProblem('busy', t('io.busy', { lock: lockPath }));
  }
  try {
    return await edit();
  } finally {
    await release().catch(() => {});
  }
}
