/** One notice file to its registry: look, read, extract. Runs on the main thread or in a worker. */
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { extractNotice, loadMarkdownReader, needsMarkdown } from '../extract/index.js';
import type { SourceKind } from '../extract/source.js';
import { MAX_NOTICE_BYTES } from '../read/decode.js';
import type { Reading } from '../read/reading.js';
import { renderRegistry, type RenderOptions } from '../registry/serialize.js';
import type { Registry } from '../registry/types.js';
import type { UnitsDirectory } from '../units/directory.js';
import { t } from '../i18n/index.js';
import { readProblemMessage, readRegularFile } from '../safe-read.js';
import { toPosix } from './files.js';

export interface ExtractedFile {
  /** null where the file gave no tasks: no registry is written for it; a worker sends it only when asked (--update merges it) */
  registry: Registry | null;
  /** the registry's document id, which names its file; null where there is none */
  id: string | null;
  /**
   * the registry as UTF-8, rendered and encoded where it was extracted (a worker): its buffer is moved to the main
   * thread, not copied, and written as it is
   */
  encoded: Uint8Array<ArrayBuffer> | null;
  diagnostics: Diagnostic[];
  bytes: number;
  /** the file could not be read as a notice */
  unreadable: boolean;
}

const utf8 = new TextEncoder();

/** The file's bytes, or why they were not read (safe-read.ts): only a regular file within the size limit is opened and read. */
function readBytes(file: string): { bytes: Buffer; savedOn: string } | { problem: string; size: number } {
  const read = readRegularFile(file, MAX_NOTICE_BYTES);
  if ('bytes' in read) return { bytes: read.bytes, savedOn: read.modified.toISOString().slice(0, 10) };
  // a file past the limit is far larger than any notice: said in extract's words
  const problem = read.problem === 'too-large' ? t('extract.too-large', { size: (read.size / 1024 / 1024).toFixed(0), max: MAX_NOTICE_BYTES / 1024 / 1024 }) : readProblemMessage(read, MAX_NOTICE_BYTES);
  return { problem, size: 0 };
}

/** How the extractor reads what a reader made: Markdown as Markdown, everything else as text. */
const sourceKind = (reading: Reading): SourceKind => (reading.kind === 'markdown' ? 'markdown' : 'text');

/** A notice file read: its bytes, and the text its reader made of them (what spans point into), or why it cannot be read. */
export type ReadNotice =
  | { bytes: Buffer; text: string; savedOn: string; reading: Reading }
  | { problem: string; size: number; rule?: string; suggestion?: string };

export async function readNoticeFile(file: string): Promise<ReadNotice> {
  const read = readBytes(file);
  if ('problem' in read) return read;
  // each kind's reader, and its library, loads only when a file of that kind is read
  const { readInput } = await import('../read/index.js');
  const reading = await readInput(read.bytes, file);
  if ('problem' in reading) return { problem: reading.problem, size: read.bytes.length, rule: reading.rule, ...(reading.suggestion ? { suggestion: reading.suggestion } : {}) };
  if (needsMarkdown(reading.text, sourceKind(reading))) await loadMarkdownReader();
  return { bytes: read.bytes, text: reading.text, savedOn: read.savedOn, reading };
}

export async function extractFile(
  file: string,
  units: (jurisdiction: string | null) => UnitsDirectory | null,
  render: RenderOptions,
  /** the folder `source.path` is written relative to: where the registry goes */
  sourceBase: string,
  debug = false,
): Promise<ExtractedFile> {
  return extractRead(file, await readNoticeFile(file), units, render, sourceBase, debug);
}

/** A notice already read to its registry; `render` null leaves the registry unrendered (text null). */
export function extractRead(
  file: string,
  read: ReadNotice,
  units: (jurisdiction: string | null) => UnitsDirectory | null,
  render: RenderOptions | null,
  sourceBase: string,
  debug = false,
): ExtractedFile {
  const shown = toPosix(path.normalize(file));
  const cannotRead = (message: string, size: number, rule = 'unreadable-input', suggestion?: string): ExtractedFile => ({
    registry: null,
    id: null,
    encoded: null,
    diagnostics: [diagnostic(shown, { line: 1, column: 1 }, rule, 'error', message, suggestion)],
    bytes: size,
    unreadable: true,
  });
  if ('problem' in read) return cannotRead(read.problem, read.size, read.rule, read.suggestion);
  const { bytes, reading } = read;
  try {
    const { text: content, kind, encoding, fields, attachments, savedOn } = reading;
    const { registry, diagnostics } = extractNotice({
      content,
      path: shown,
      kind: sourceKind(reading),
      bytes,
      units,
      ...(encoding ? { encoding } : {}),
      // a table's progress is as of the day the file was saved: its own word for it, else the file system's
      reader: { kind, ...fields, attachments, savedOn: savedOn ?? read.savedOn },
    });
    // a diagnostic points into the text read; where that is not the file's own line, say where in the source
    for (const d of diagnostics) {
      const place = reading.place({ line: d.line, column: d.column });
      if (place) d.message += t('extract.at-place', { place });
    }
    if (registry.tasks.length === 0) return { registry: null, id: null, encoded: null, diagnostics, bytes: bytes.length, unreadable: false };
    // the notice as seen from its registry, so the pair can move together and no machine's folders are written down
    registry.document.source.path = toPosix(path.relative(sourceBase, path.resolve(file)));
    return { registry, id: registry.document.id, encoded: render ? utf8.encode(renderRegistry(registry, render)) : null, diagnostics, bytes: bytes.length, unreadable: false };
  } catch (error) {
    // one notice's surprise is a diagnostic on that notice, never the end of the run
    const result = cannotRead(t('extract.worker-failed', { reason: (error as Error).message }), bytes.length);
    if (debug) result.diagnostics[0]!.message += `\n${(error as Error).stack}`;
    return result;
  }
}
