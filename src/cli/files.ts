/** Writing files the way every command does: atomically, so an interrupted run leaves the old file whole. */
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function writeAtomically(target: string, content: string | Uint8Array): Promise<void> {
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, target);
}

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
