/** What the report commands share: registries and units directories read from disk, problems to stderr. */
import { formatDiagnosticsText } from '../format/diagnostics.js';
import type { ReportFormatOptions } from '../format/report.js';
import { loadRegistries, type LoadedRegistry } from '../registry/load.js';
import type { UnitsDirectory } from '../units/directory.js';
import { directoryFor, isFile, loadUnitsDirectories } from '../units/load.js';

export interface ReportInput {
  registries: LoadedRegistry[];
  directories: Map<string, UnitsDirectory>;
  units: (jurisdiction: string | null) => UnitsDirectory | null;
  /** some input could not be read (already reported on stderr) */
  unreadable: boolean;
  /** a registry or task was left out for a value that fails the schema (already reported on stderr) */
  refused: boolean;
}

export async function readReportInput(paths: string[], unitsOption: string | undefined): Promise<ReportInput> {
  const { registries, diagnostics, unreadable, refused } = await loadRegistries(paths);
  let directories = new Map<string, UnitsDirectory>();
  let unitsUnreadable = false;
  try {
    directories = await loadUnitsDirectories(unitsOption);
  } catch (error) {
    diagnostics.push({ file: unitsOption ?? 'units', line: 1, column: 1, rule: 'unreadable-input', severity: 'error', message: (error as Error).message });
    unitsUnreadable = true;
  }
  process.stderr.write(formatDiagnosticsText(diagnostics, { color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR }));
  return {
    registries,
    directories,
    units: (jurisdiction) => directoryFor(directories, jurisdiction, isFile(unitsOption)),
    unreadable: unreadable || unitsUnreadable,
    refused,
  };
}

/** The exit status of a report: 2 when an input could not be read, 1 when a registry or task was left out. */
export function reportStatus(input: ReportInput, found = false): number {
  return input.unreadable ? 2 : input.refused || found ? 1 : 0;
}

export function tableOptions(): ReportFormatOptions {
  return { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, width: process.stdout.columns ?? 120 };
}
