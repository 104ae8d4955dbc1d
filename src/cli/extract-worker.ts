/**
 * A worker thread of `extract`: extracts the files it is sent, one at a time, its modules loaded once. Its first
 * message is the units directories, read once by the main thread for every worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { setLanguage, type Language } from '../i18n/index.js';
import type { RenderOptions } from '../registry/serialize.js';
import { directoryFor, isFile, type UnitsDirectory } from '../units/directory.js';
import { extractFile } from './extract-one.js';

const { units: unitsLocation, render, sourceBase, language, debug, sendRegistry } = workerData as {
  units?: string;
  render: RenderOptions;
  sourceBase: string;
  language: Language;
  debug?: boolean;
  /** post the registry back as data, not only as text: --update merges it */
  sendRegistry: boolean;
};
setLanguage(language);
let directories: Map<string, UnitsDirectory> | undefined;
const units = (jurisdiction: string | null) => directoryFor(directories!, jurisdiction, isFile(unitsLocation));

// one file at a time, in the order sent (the next is sent before this one is done): the main thread times each against its budget
let inHand = Promise.resolve();
parentPort!.on('message', (message: { file: string } | { directories: Map<string, UnitsDirectory> }) => {
  if ('directories' in message) {
    directories = message.directories;
    return;
  }
  inHand = inHand.then(async () => {
    const extracted = await extractFile(message.file, units, render, sourceBase, debug);
    // a registry cloned across threads costs both of them; its bytes are what is written, and are moved, not copied
    parentPort!.postMessage(sendRegistry ? extracted : { ...extracted, registry: null }, extracted.encoded ? [extracted.encoded.buffer] : []);
  });
});
