/** A worker thread of `extract --jobs N`: extracts the files it is sent, one at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { setLanguage, type Language } from '../i18n/index.js';
import type { RenderOptions } from '../registry/serialize.js';
import { directoryFor, isFile, loadUnitsDirectories } from '../units/load.js';
import { extractFile } from './extract-one.js';

const { units: unitsLocation, render, sourceBase, language, debug } = workerData as { units?: string; render: RenderOptions; sourceBase: string; language: Language; debug?: boolean };
setLanguage(language);
const directories = await loadUnitsDirectories(unitsLocation);
const units = (jurisdiction: string | null) => directoryFor(directories, jurisdiction, isFile(unitsLocation));

parentPort!.on('message', async ({ index, file }: { index: number; file: string }) => {
  parentPort!.postMessage({ index, result: await extractFile(file, units, render, sourceBase, debug) });
});
