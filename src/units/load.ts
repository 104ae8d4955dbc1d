/** Reading units directories from disk: the ones shipped in `units/`, or a file or folder given with --units. */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { t } from '../i18n/index.js';
import { ioErrorMessage, isIoError } from '../io-error.js';
import { validateUnitsFile } from '../validate/compiled-schemas.js';
import { indexUnits, type UnitsDirectory, type UnitsFile } from './directory.js';

const SHIPPED_UNITS = fileURLToPath(new URL('../../units/', import.meta.url));

/** Every units directory in a file or a folder of .yaml files, by jurisdiction. */
export async function loadUnitsDirectories(location: string = SHIPPED_UNITS): Promise<Map<string, UnitsDirectory>> {
  const info = await stat(location);
  const files = info.isDirectory()
    ? (await readdir(location)).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(location, f))
    : [location];
  const directories = new Map<string, UnitsDirectory>();
  for (const file of files) {
    // YAML 1.2 whatever the directive; the library's warnings are not printed
    const content = parse(await readFile(file, 'utf8'), { schema: 'core', logLevel: 'error' }) as UnitsFile | null;
    // checked against schemas/units.schema.json (compiled at build time): a broken directory is named, not half-used
    if (!validateUnitsFile(content)) {
      const [first] = (validateUnitsFile as unknown as { errors: { instancePath: string; keyword: string }[] }).errors;
      throw new Error(t('units.not-a-directory', { file, where: first?.instancePath || '/', reason: first?.keyword ?? '' }).trim());
    }
    directories.set(content!.jurisdiction, indexUnits(content!, file));
  }
  return directories;
}

/** Why a units directory could not be read: the file system's reason in words, or what is wrong inside it. */
export function unitsProblem(error: unknown, location: string | undefined): string {
  return isIoError(error) ? t('units.unreadable', { file: location ?? 'units', reason: ioErrorMessage(error) }) : (error as Error).message;
}
