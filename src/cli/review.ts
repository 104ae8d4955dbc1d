/** `safety-tasks review`: one HTML page per notice to check its tasks on its text, and an overview for several. */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { formatDiagnosticsText } from '../format/diagnostics.js';
import { forTerminalLine } from '../format/escape.js';
import { t } from '../i18n/index.js';
import { loadRegistries } from '../registry/load.js';
import { overviewPage, type OverviewLine } from '../review/overview.js';
import { reviewPage, summaryOf, type ReviewInput } from '../review/page.js';
import type { UnitsDirectory } from '../units/directory.js';
import { directoryFor, isFile } from '../units/directory.js';
import { loadUnitsDirectories, unitsProblem } from '../units/load.js';
import { extractRead, readNoticeFile } from './extract-one.js';
import { ioErrorMessage } from '../io-error.js';
import { FileProblem, writeFileSafely } from '../safe-file.js';
import { toPosix } from './files.js';
import { noticeInside } from './repository.js';
import { useColor } from './terminal.js';

export interface ReviewOptions {
  out: string;
  open?: boolean;
  units?: string;
  debug?: boolean;
}

const NOTICE = /\.(txt|md|markdown)$/i;
const REGISTRY = /\.(ya?ml|json)$/i;

type UnitsFor = (jurisdiction: string | null) => UnitsDirectory | null;

export async function reviewCommand(paths: string[], options: ReviewOptions): Promise<number> {
  const diagnostics: Diagnostic[] = [];
  let unreadable = false;
  let stale = false;
  const fail = (file: string, message: string) => {
    diagnostics.push(diagnostic(toPosix(path.normalize(file)), { line: 1, column: 1 }, 'unreadable-input', 'error', message));
    unreadable = true;
  };

  const files: string[] = [];
  for (const given of paths) {
    const info = await stat(given).catch(() => null);
    if (!info) fail(given, t('io.ENOENT'));
    else if (!info.isDirectory()) files.push(given);
    else {
      const names = await readdir(given).catch(() => null);
      if (!names) fail(given, t('cli.review.unreadable-folder'));
      else {
        const inside = names.filter((n) => NOTICE.test(n) || REGISTRY.test(n)).sort();
        if (inside.length === 0) fail(given, t('cli.review.empty-folder'));
        files.push(...inside.map((n) => path.join(given, n)));
      }
    }
  }

  let units: UnitsFor = () => null;
  try {
    const directories = await loadUnitsDirectories(options.units);
    units = (jurisdiction) => directoryFor(directories, jurisdiction, isFile(options.units));
  } catch (error) {
    fail(options.units ?? 'units', unitsProblem(error, options.units));
  }

  const pages: { name: string; html: string; line: Omit<OverviewLine, 'href'> }[] = [];
  // index.html is the overview's, whatever the notices are called
  const taken = new Set<string>(['index.html']);
  for (const file of files) {
    const input = REGISTRY.test(file) ? await fromRegistry(file, diagnostics) : await fromNotice(file, units, diagnostics, options.debug);
    if (!input) {
      unreadable = true;
      continue;
    }
    let html: string;
    let line: Omit<OverviewLine, 'href'>;
    try {
      html = reviewPage(input);
      line = { ...summaryOf(input), source: input.source };
    } catch (error) {
      // a registry edited into a shape the schema refuses: said on that file, the others go on
      fail(file, t('cli.review.cannot-render'));
      if (options.debug) diagnostics[diagnostics.length - 1]!.message += `\n${(error as Error).stack}`;
      continue;
    }
    if (input.source.state === 'changed' || input.source.state === 'missing') stale = true;
    // the page is named after the file given, never after a name inside it
    const stem = path.basename(file).replace(/\.[^.]+$/, '');
    let name = `${stem}.html`;
    for (let n = 2; taken.has(name); n++) name = `${stem}-${n}.html`;
    taken.add(name);
    pages.push({ name, html, line });
  }

  const written: string[] = [];
  try {
    if (pages.length > 0) await mkdir(options.out, { recursive: true });
    for (const page of pages) {
      const target = path.join(options.out, page.name);
      await writeFileSafely(target, page.html);
      written.push(target);
    }
    if (pages.length > 1) {
      const target = path.join(options.out, 'index.html');
      await writeFileSafely(target, overviewPage(pages.map(({ name, line }) => ({ ...line, href: name }))));
      written.unshift(target);
    }
  } catch (error) {
    fail(options.out, t('cli.review.cannot-write', { reason: error instanceof FileProblem ? error.message : ioErrorMessage(error) }));
  }
  // stdout carries the pages written, the overview first
  for (const file of written) process.stdout.write(`${forTerminalLine(toPosix(file))}\n`);
  if (options.open && written[0]) openInBrowser(path.resolve(written[0]), diagnostics);

  const color = useColor(process.stderr);
  process.stderr.write(formatDiagnosticsText(diagnostics, { color }));
  if (unreadable) return 2;
  return stale || diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

async function fromNotice(file: string, units: UnitsFor, diagnostics: Diagnostic[], debug?: boolean): Promise<ReviewInput | null> {
  const read = await readNoticeFile(file);
  const extracted = extractRead(file, read, units, null, process.cwd(), debug);
  diagnostics.push(...extracted.diagnostics);
  if (!extracted.registry || 'problem' in read) return null;
  return {
    registry: extracted.registry,
    notice: read.text,
    diagnostics: extracted.diagnostics,
    source: { state: 'extracted', path: extracted.registry.document.source.path },
  };
}

async function fromRegistry(file: string, diagnostics: Diagnostic[]): Promise<ReviewInput | null> {
  const loaded = await loadRegistries([file], { whole: true });
  diagnostics.push(...loaded.diagnostics);
  const registry = loaded.registries[0]?.registry;
  if (!registry) return null;
  const shown = toPosix(path.normalize(file));
  const recorded = String(registry.document.source?.path ?? '');
  // the notice is found beside the registry as extract --out writes it, or from where the command runs;
  // each only inside its repository (links followed inside it), as validate reads it
  const candidates = recorded ? [path.dirname(path.resolve(file)), process.cwd()].map((folder) => noticeInside(folder, recorded)) : [];
  let found: string | null = null;
  for (const candidate of candidates) {
    if (candidate && 'path' in candidate && (await stat(candidate.path).catch(() => null))?.isFile()) {
      found = candidate.path;
      break;
    }
  }
  if (!found && candidates.length > 0 && candidates.every((c) => c && 'problem' in c && c.problem === 'outside')) {
    // the same words whether or not the path outside exists
    diagnostics.push(diagnostic(shown, { line: 1, column: 1 }, 'source-outside', 'warning', t('validate.source-outside', { path: recorded })));
    return { registry, notice: null, diagnostics: [], source: { state: 'missing', path: recorded } };
  }
  const missing = (): ReviewInput => {
    diagnostics.push(diagnostic(shown, { line: 1, column: 1 }, 'source-missing', 'warning', t('cli.review.source-missing', { file: recorded })));
    return { registry, notice: null, diagnostics: [], source: { state: 'missing', path: recorded } };
  };
  if (!found) return missing();
  const read = await readNoticeFile(found);
  if ('problem' in read) {
    diagnostics.push(diagnostic(toPosix(path.relative(process.cwd(), found)), { line: 1, column: 1 }, 'unreadable-input', 'error', t('cli.review.notice-unreadable', { reason: read.problem })));
    return missing();
  }
  const changed = createHash('sha256').update(read.bytes).digest('hex') !== registry.document.source.sha256;
  if (changed) diagnostics.push(diagnostic(shown, { line: 1, column: 1 }, 'source-changed', 'warning', t('cli.review.source-changed', { file: recorded })));
  return { registry, notice: read.text, diagnostics: [], source: { state: changed ? 'changed' : 'unchanged', path: recorded } };
}

/** The platform's own opener; a machine without one gets a diagnostic, the pages are written anyway. */
function openInBrowser(file: string, diagnostics: Diagnostic[]): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [file]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', file]] : ['xdg-open', [file]];
  try {
    const child = spawn(command, args as string[], { detached: true, stdio: 'ignore' });
    child.on('error', () => process.stderr.write(`${t('cli.error-prefix', { command: 'safety-tasks review' })}${t('cli.review.cannot-open', { command })}\n`));
    child.unref();
  } catch {
    diagnostics.push(diagnostic(file, { line: 1, column: 1 }, 'cannot-open', 'warning', t('cli.review.cannot-open', { command })));
  }
}
