/** One notice file to its registry: read, decode, extract. Runs on the main thread or in a worker. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { decodeNotice } from '../extract/decode.js';
import { extractNotice } from '../extract/index.js';
import { t } from '../i18n/index.js';
import { ioErrorMessage } from '../io-error.js';
import { renderRegistry, type RenderOptions } from '../registry/serialize.js';
import type { Registry } from '../registry/types.js';
import type { UnitsDirectory } from '../units/directory.js';
import { toPosix } from './files.js';

export interface ExtractedFile {
  registry: Registry | null;
  /** the registry as text, rendered where it was extracted (a worker) to spare the main thread */
  text: string | null;
  diagnostics: Diagnostic[];
  bytes: number;
  /** the file could not be read as a notice */
  unreadable: boolean;
}

export async function extractFile(
  file: string,
  units: (jurisdiction: string | null) => UnitsDirectory | null,
  render: RenderOptions,
  /** the folder `source.path` is written relative to: where the registry goes */
  sourceBase: string,
  debug = false,
): Promise<ExtractedFile> {
  const shown = toPosix(path.normalize(file));
  const cannotRead = (message: string, size = 0): ExtractedFile => ({
    registry: null,
    text: null,
    diagnostics: [diagnostic(shown, { line: 1, column: 1 }, 'unreadable-input', 'error', message)],
    bytes: size,
    unreadable: true,
  });
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return cannotRead(ioErrorMessage(error));
  }
  const decoded = decodeNotice(bytes);
  if ('problem' in decoded) return cannotRead(decoded.problem, bytes.length);
  try {
    const kind = /\.(md|markdown)$/i.test(file) ? 'markdown' : 'text';
    const { registry, diagnostics } = extractNotice({ content: decoded.text, path: shown, kind, bytes, units, encoding: decoded.encoding });
    // the notice as seen from its registry, so the pair can move together and no machine's folders are written down
    registry.document.source.path = toPosix(path.relative(sourceBase, path.resolve(file)));
    return { registry, text: renderRegistry(registry, render), diagnostics, bytes: bytes.length, unreadable: false };
  } catch (error) {
    // one notice's surprise is a diagnostic on that notice, never the end of the run
    const result = cannotRead(t('extract.crashed', { message: (error as Error).message }), bytes.length);
    if (debug) result.diagnostics[0]!.message += `\n${(error as Error).stack}`;
    return result;
  }
}
