/** One notice file to its registry: read, decode, extract. Runs on the main thread or in a worker. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { decodeNotice } from '../extract/decode.js';
import { extractNotice } from '../extract/index.js';
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

export type ReadNotice = { bytes: Buffer; text: string; encoding: string } | { problem: string; size: number };

/** The bytes of a notice file and its decoded text (byte-order mark left out), or why it cannot be read as a notice. */
export async function readNoticeFile(file: string): Promise<ReadNotice> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { problem: (error as Error).message, size: 0 };
  }
  const decoded = decodeNotice(bytes);
  return 'problem' in decoded ? { problem: decoded.problem, size: bytes.length } : { bytes, text: decoded.text, encoding: decoded.encoding };
}

export async function extractFile(
  file: string,
  units: (jurisdiction: string | null) => UnitsDirectory | null,
  render: RenderOptions,
  debug = false,
): Promise<ExtractedFile> {
  return extractRead(file, await readNoticeFile(file), units, render, debug);
}

/** A notice already read to its registry; `render` null leaves the registry unrendered (text null). */
export function extractRead(
  file: string,
  read: ReadNotice,
  units: (jurisdiction: string | null) => UnitsDirectory | null,
  render: RenderOptions | null,
  debug = false,
): ExtractedFile {
  const shown = toPosix(path.normalize(file));
  const cannotRead = (message: string, size = 0): ExtractedFile => ({
    registry: null,
    text: null,
    diagnostics: [diagnostic(shown, { line: 1, column: 1 }, 'unreadable-input', 'error', message)],
    bytes: size,
    unreadable: true,
  });
  if ('problem' in read) return cannotRead(read.problem, read.size);
  const { bytes } = read;
  try {
    const kind = /\.(md|markdown)$/i.test(file) ? 'markdown' : 'text';
    const { registry, diagnostics } = extractNotice({ content: read.text, path: shown, kind, bytes, units, encoding: read.encoding });
    return { registry, text: render ? renderRegistry(registry, render) : null, diagnostics, bytes: bytes.length, unreadable: false };
  } catch (error) {
    // one notice's surprise is a diagnostic on that notice, never the end of the run
    const result = cannotRead(`could not be extracted: ${(error as Error).message}`, bytes.length);
    if (debug) result.diagnostics[0]!.message += `\n${(error as Error).stack}`;
    return result;
  }
}
