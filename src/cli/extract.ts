/** `safety-tasks extract`: read notices, write registries, report what looked wrong. */
import { statSync } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { formatDiagnosticsText } from '../format/diagnostics.js';
import { currentLanguage, t, type MessageId } from '../i18n/index.js';
import { ioErrorMessage } from '../io-error.js';
import { today as localToday } from '../clock.js';
import type { MergeResult } from '../registry/merge.js';
import { createFileExclusively, encodeText, FileProblem, readTextFile, withFileLock, writeFileSafely, type TextFile } from '../safe-file.js';
import type { RenderOptions } from '../registry/serialize.js';
import type { Registry } from '../registry/types.js';
import { budgetedPool, defaultBudget, type BudgetedPool } from './budget.js';
import type { ExtractedFile } from './extract-one.js';
import { toPosix } from './files.js';
import { schemaPathFor } from './repository.js';
import { useColor } from './terminal.js';
import { usageError } from './usage-error.js';

export interface ExtractOptions {
  out?: string;
  /** worker threads to extract with; default: one per core (at most 4) for more than a handful of files */
  jobs?: number;
  /** merge into an existing registry, keeping what people wrote */
  update?: boolean;
  /** overwrite an existing registry: given once, only one without recorded work; twice, any */
  force?: number;
  /** with --force: replace a registry even where people recorded work */
  discardProgress?: boolean;
  /** with --update: print the plan, write nothing */
  dryRun?: boolean;
  /** today, YYYY-MM-DD: the day a task is found gone */
  today?: string;
  units?: string;
  format: 'yaml' | 'json';
  debug?: boolean;
  /** seconds one file may take; default: a floor and a few seconds per MB (budget.ts) */
  timeoutPerFile?: number;
}


export async function extractCommand(paths: string[], options: ExtractOptions): Promise<number> {
  if (options.update && options.force) return usageError('extract', 'cli.extract.update-and-force');
  for (const flag of ['update', 'force'] as const) if (options[flag] && !options.out) return usageError('extract', 'cli.extract.needs-out', { option: `--${flag}` });
  if (options.update && options.format === 'json') return usageError('extract', 'cli.extract.update-json');
  const usage = extractUsageProblem(options);
  if (usage) return usageError('extract', usage);
  const today = options.today ?? localToday(process.env);
  const diagnostics: Diagnostic[] = [];
  let unreadable = false;
  const files: string[] = [];
  // files found in a directory: one that cannot be read is skipped (problems found, exit 1), not bad input
  const inDirectory = new Set<number>();
  let skipped = false;
  for (const given of paths) {
    const found = await noticeFiles(given);
    if (typeof found === 'string') {
      diagnostics.push(diagnostic(given, { line: 1, column: 1 }, 'unreadable-input', 'error', found));
      unreadable = true;
    } else {
      for (const file of found.files) {
        if (found.directory) inDirectory.add(files.length);
        files.push(file);
      }
    }
  }

  // registries go out as they come, in the order of the files: nothing holds the corpus
  const several = files.length > 1;
  // the schema line points into the registries' own repository; printed output cannot know where it will land, so it has none
  const render: RenderOptions = options.out
    ? { format: options.format, schema: schemaPathFor(options.out), element: false }
    : { format: options.format, schema: null, element: several };
  const sourceBase = path.resolve(options.out ?? '.');
  const jobs = Math.max(1, Math.min(options.jobs ?? (files.length > 8 ? Math.min(availableParallelism(), 4) : 1), files.length));
  const pool = budgetedPool<ExtractedFile>(new URL('./extract-worker.js', import.meta.url), { units: options.units, render, sourceBase, language: currentLanguage(), debug: options.debug, sendRegistry: Boolean(options.update) }, jobs);
  // the workers end with the run however it ends: a worker waiting for its next file keeps the process alive
  // (an internal error before the first file once left extract hanging)
  try {
    // a worker loads its modules while the units directories are read here, once for every worker
    if (files.length > 0) pool.warm();
    const stop = (status: number, problems: Diagnostic[]) => {
      process.stderr.write(formatDiagnosticsText(problems, { color: useColor(process.stderr) }));
      return status;
    };
    // the units directories, YAML, and the merge of --update load after the worker has started
    const { loadUnitsDirectories, unitsProblem } = await import('../units/load.js');
    try {
      pool.greet({ directories: await loadUnitsDirectories(options.units) });
    } catch (error) {
      // without them no notice is extracted: named once, not on every file
      return stop(2, [...diagnostics, diagnostic(options.units ?? 'units', { line: 1, column: 1 }, 'unreadable-input', 'error', unitsProblem(error, options.units))]);
    }
    const output = streamedList(options.format, several);
    if (options.out) {
      try {
        await mkdir(options.out, { recursive: true });
      } catch (error) {
        return stop(2, [...diagnostics, diagnostic(options.out, { line: 1, column: 1 }, 'unreadable-input', 'error', ioErrorMessage(error))]);
      }
    }
    const progress = progressBar(files.length);
    let written = 0;
    let index = 0;
    // writes overlap the extraction of the next files; two registries for one target are written one after the other
    const writes: Promise<void>[] = [];
    const lastWrite = new Map<string, Promise<unknown>>();
    const writeProblems: Diagnostic[][] = [];
    for await (const extracted of extractAll(files, pool, jobs, options)) {
      diagnostics.push(...extracted.diagnostics);
      if (extracted.unreadable && inDirectory.has(index)) skipped = true;
      else if (extracted.unreadable) unreadable = true;
      index++;
      progress.step(extracted.bytes);
      if (extracted.id === null || extracted.encoded === null) continue;
      if (options.out) {
        // the registry is named after its notice's file (the document id is that file's stem)
        const target = path.join(options.out, `${extracted.id}.${options.format}`);
        const { encoded, registry } = extracted;
        const problems: Diagnostic[] = [];
        writeProblems.push(problems);
        const write = (lastWrite.get(target) ?? Promise.resolve()).then(() => writeRegistry(target, encoded, registry, options, today)).then((found) => {
          problems.push(...found);
          if (found.some((d) => d.severity === 'error')) unreadable = true;
          else written++;
        });
        lastWrite.set(target, write);
        writes.push(write);
        if (writes.length >= 16) await writes.shift();
      } else output.write(extracted.encoded);
    }
    await Promise.all(writes);
    for (const problems of writeProblems) diagnostics.push(...problems);
    progress.done();
    output.end();

    process.stderr.write(formatDiagnosticsText(diagnostics, { color: useColor(process.stderr) }));
    if (options.out) {
      // what was written, last, where a clerk looks when the run ends
      const count = (severity: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === severity).length;
      const errors = count('error');
      process.stderr.write(`${t(errors > 0 ? 'extract.written-errors' : 'extract.written', { count: written, warnings: count('warning'), errors })}\n`);
    }
    if (options.dryRun) process.stderr.write(`${t('extract.dry-run')}\n`);
    if (unreadable) return 2;
    return skipped || diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  } finally {
    await pool.close();
  }
}

/**
 * Extract every file in the pool's worker threads, yielding results in file
 * order. Each file has a time budget: one that runs past it is a diagnostic
 * naming it, and its worker is replaced for the files after it.
 */
async function* extractAll(files: string[], pool: BudgetedPool<ExtractedFile>, jobs: number, options: ExtractOptions): AsyncGenerator<ExtractedFile> {
  const extractOne = async (file: string): Promise<ExtractedFile> => {
    let bytes = 0;
    try {
      bytes = statSync(file).size;
    } catch {
      // the worker says why it cannot be read
    }
    const seconds = options.timeoutPerFile ?? defaultBudget(bytes);
    const outcome = await pool.run({ file }, seconds).catch((error: unknown) => ({ failed: error as Error }));
    if ('result' in outcome) return outcome.result;
    const shown = toPosix(path.normalize(file));
    const message = 'failed' in outcome ? t('extract.worker-failed', { reason: outcome.failed.message }) : t('extract.timed-out', { seconds: String(outcome.seconds) });
    return { registry: null, id: null, encoded: null, bytes, unreadable: false, diagnostics: [diagnostic(shown, { line: 1, column: 1 }, 'failed' in outcome ? 'unreadable-input' : 'timed-out', 'error', message)] };
  };
  // a few files ahead of the one yielded, so every worker has the next file when it finishes one
  const pending = new Map<number, Promise<ExtractedFile>>();
  let next = 0;
  try {
    for (let index = 0; index < files.length; index++) {
      while (next < files.length && next < index + jobs * 2) {
        pending.set(next, extractOne(files[next]!));
        next++;
      }
      const result = await pending.get(index)!;
      pending.delete(index);
      yield result;
    }
  } finally {
    await pool.close();
  }
}

/** stdout that streams: one registry as it is, several as a list whose items are written as they come. */
function streamedList(format: 'yaml' | 'json', several: boolean) {
  let written = 0;
  const write = (text: string | Uint8Array) => process.stdout.write(text);
  return {
    write(encoded: Uint8Array) {
      if (several && format === 'json') write(written === 0 ? '[\n' : ',\n');
      write(encoded);
      written++;
    },
    end() {
      if (several && format === 'json') write(written === 0 ? '[]\n' : '\n]\n');
    },
  };
}

/** On a terminal, extraction of more than a handful of files shows files done, MB/s and time left; on a pipe, nothing. */
function progressBar(total: number) {
  const shown = Boolean(process.stderr.isTTY) && process.env.TERM !== 'dumb' && total > 5;
  const started = performance.now();
  let files = 0;
  let bytes = 0;
  return {
    step(size: number) {
      files++;
      bytes += size;
      if (!shown) return;
      const seconds = (performance.now() - started) / 1000;
      const rate = bytes / 1024 / 1024 / Math.max(seconds, 0.001);
      const eta = files > 0 ? ((total - files) * seconds) / files : 0;
      const width = 24;
      const filled = Math.round((files / total) * width);
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${t('extract.progress', { done: files, total, rate: rate.toFixed(1), eta: eta.toFixed(0) })} `);
    },
    done() {
      if (shown) process.stderr.write('\r\u001b[K');
    },
  };
}


const utf8 = new TextDecoder();

/** What --force would drop, task by task (the first ten). */
const wouldLose = (work: { id: string; recorded: string[] }[]) =>
  t('extract.would-lose', {
    tasks: work.slice(0, 10).map((w) => t('extract.would-lose-task', { id: w.id, recorded: w.recorded.join(t('cli.list-separator')) })).join('；'),
    more: work.length > 10 ? t('extract.would-lose-more', { count: work.length }) : '',
  });

/** The usage --update, --force and --dry-run allow, or why not. */
export function extractUsageProblem(options: ExtractOptions): MessageId | null {
  if (options.update && options.force) return 'cli.extract.update-and-force';
  if (options.dryRun && !(options.update && options.out)) return 'cli.extract.dry-run-alone';
  if (options.discardProgress && !options.force) return 'cli.extract.discard-alone';
  return null;
}

/** Where extract keeps what it last wrote for a registry, for the next --update to tell what people changed. */
export function baseFileOf(target: string): string {
  const extension = path.extname(target);
  return path.join(path.dirname(target), `.${path.basename(target, extension)}.base${extension}`);
}

/**
 * Write a registry to --out, holding its lock. One that is there already is
 * never lost: the same bytes are left alone, --update merges the notice into
 * it (./registry/merge.ts), --force replaces it — refusing where people have
 * recorded work, unless given twice or with --discard-progress; otherwise it is refused.
 */
async function writeRegistry(target: string, encoded: Uint8Array, registry: Registry | null, options: ExtractOptions, today: string): Promise<Diagnostic[]> {
  const shown = toPosix(path.normalize(target));
  const error = (rule: string, message: string) => [diagnostic(shown, { line: 1, column: 1 }, rule, 'error', message)];
  const yaml = options.format === 'yaml';
  const base = baseFileOf(target);
  // a new registry is written as the worker encoded it; its text is decoded only to compare with a file already there
  let text: string | undefined;
  const fresh = () => (text ??= utf8.decode(encoded));
  // what extract last wrote, read at most once: a base that holds these bytes already is not written again
  let baseText: Promise<string | null> | undefined;
  const readBaseText = () => (baseText ??= readTextFile(base).then((file) => file.text, () => null));
  // beside a new registry the base is written without reading what an earlier one left: one file open less
  const writeBase = async (compare = true) => {
    if (yaml && !options.dryRun && (!compare || (await readBaseText()) !== fresh())) await writeFileSafely(base, encoded);
  };
  try {
    // a new registry needs no lock: it is created only where nothing is
    if (!options.dryRun && (await createFileExclusively(target, encoded))) {
      await writeBase(false);
      return [];
    }
    return await withFileLock(target, async () => {
      let previous: TextFile | null = null;
      try {
        previous = await readTextFile(target);
      } catch (problem) {
        if (!(problem instanceof FileProblem) || problem.kind !== 'missing') throw problem;
      }
      if (previous === null) {
        if (options.dryRun) return [];
        await writeFileSafely(target, encoded);
        await writeBase(false);
        return [];
      }
      // the merge (and YAML) loads only where a registry is there to merge into or to check before --force
      const merge = () => import('../registry/merge.js');
      if (options.force) {
        // a registry that is what the extractor wrote (the notice's own, or its base) holds no recorded work: no need to parse it
        const untouched = previous.text === fresh() || previous.text === (await readBaseText());
        const work = untouched ? [] : (await merge()).recordedWork(previous.text);
        if (work.length > 0 && options.force < 2 && !options.discardProgress) return error('progress-would-be-lost', wouldLose(work));
        // the same text is the same bytes (its line ends and mark kept): a file left alone keeps its time for git and make
        if (previous.text !== fresh()) await writeFileSafely(target, encodeText(fresh(), previous));
        await writeBase();
        return [];
      }
      if (previous.text === fresh()) {
        await writeBase();
        return [];
      }
      if (!options.update || !yaml) return error('registry-exists', t(yaml ? 'extract.exists-yaml' : 'extract.exists-json'));
      const { MergeError, mergeRegistry } = await merge();
      let merged: MergeResult;
      try {
        // the workers send the registry itself under --update
        merged = mergeRegistry(previous.text, await readBase(base), registry!, today);
      } catch (problem) {
        if (problem instanceof MergeError) return error('registry-exists', t('extract.cannot-merge', { reason: problem.message }));
        throw problem;
      }
      if (!options.dryRun) {
        await writeFileSafely(target, encodeText(merged.text, previous));
        await writeBase();
      }
      const { mergePlanDiagnostics } = await import('../format/merge-plan.js');
      return mergePlanDiagnostics(merged.plan, shown, toPosix(path.normalize(base)));
    });
  } catch (problem) {
    if (problem instanceof FileProblem) return error('unreadable-input', problem.message);
    throw problem;
  }
}

/** What extract wrote last time, or null when it is not there (or not a registry). */
async function readBase(file: string): Promise<Registry | null> {
  try {
    const { parse } = await import('yaml');
    const registry = parse((await readTextFile(file)).text) as Registry | null;
    return registry && typeof registry === 'object' && Array.isArray(registry.tasks) && registry.document ? registry : null;
  } catch {
    return null;
  }
}

/** The files a path names (a directory's every file but hidden ones, which a reader of the directory skips too), or why it names none. */
async function noticeFiles(given: string): Promise<{ files: string[]; directory: boolean } | string> {
  const info = await stat(given).catch(() => null);
  if (!info) return t('io.ENOENT');
  if (info.isFile()) return { files: [given], directory: false };
  if (!info.isDirectory()) return t('io.not-a-file');
  const entries = await readdir(given, { withFileTypes: true });
  // a sub-folder is not read into; anything else there is read, or named as skipped
  const names = entries.filter((e) => !e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort();
  if (names.length === 0) return t('extract.no-notices');
  return { files: names.map((n) => path.join(given, n)), directory: true };
}
