/** The worker thread of `validate`: checks the registries it is sent, one at a time, against a budget the main thread keeps. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { diagnostic } from '../diagnostic.js';
import { setLanguage, t, type Language } from '../i18n/index.js';
import { directoryFor, isFile, loadUnitsDirectories } from '../units/load.js';
import { validateRegistryText } from '../validate/index.js';

const { units: unitsLocation, today, language } = workerData as { units?: string; today: string; language: Language };
setLanguage(language);
// the main thread has named a units problem already; here a directory that cannot be read is none
const directories = await loadUnitsDirectories(unitsLocation).catch(() => new Map());
const units = (jurisdiction: string | null) => directoryFor(directories, jurisdiction, isFile(unitsLocation));

/** The notice a registry was extracted from, as it is now; null when it is not here to compare. */
function digestOf(sourcePath: string): string | null {
  try {
    return createHash('sha256').update(readFileSync(sourcePath)).digest('hex');
  } catch {
    return null;
  }
}

parentPort!.on('message', ({ file, shown, text }: { file: string; shown: string; text: string }) => {
  try {
    // a notice is named relative to the registry that came from it
    const sourceDigest = (source: string) => digestOf(path.resolve(path.dirname(file), source));
    parentPort!.postMessage(validateRegistryText(text, { file: shown, units, today, sourceDigest }));
  } catch (error) {
    // one file's surprise is a diagnostic on that file, never the end of the run
    parentPort!.postMessage([diagnostic(shown, { line: 1, column: 1 }, 'internal-error', 'error', t('validate.internal-error', { message: (error as Error).message }))]);
  }
});
