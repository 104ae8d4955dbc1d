/** Paths as the commands print them. (Writes go through src/safe-file.ts.) */
import path from 'node:path';

export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}
