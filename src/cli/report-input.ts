/** What the report commands share: registries and units directories read from disk, problems to stderr. */
import { once } from 'node:events';
import { formatDiagnosticsText } from '../format/diagnostics.js';
import { reportChunks, type Report, type ReportFormat, type ReportFormatOptions } from '../format/report.js';
import { t } from '../i18n/index.js';
import { loadRegistries, type LoadedRegistry } from '../registry/load.js';
import { closestName, directoryFor, isFile, resolveUnit, type UnitsDirectory } from '../units/directory.js';
import { loadUnitsDirectories, unitsProblem } from '../units/load.js';
import { columns, useColor } from './terminal.js';

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
    diagnostics.push({ file: unitsOption ?? 'units', line: 1, column: 1, rule: 'unreadable-input', severity: 'error', message: unitsProblem(error, unitsOption) });
    unitsUnreadable = true;
  }
  process.stderr.write(formatDiagnosticsText(diagnostics, { color: useColor(process.stderr) }));
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
  return { color: useColor(process.stdout), width: columns(process.stdout, 120) };
}

/** A report on stdout, written as its chunks are made: a table of a million lines is never held whole. */
export async function printReport(format: ReportFormat, report: Report): Promise<void> {
  for (const chunk of reportChunks[format](report, tableOptions())) {
    if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
  }
}

/** The registries of one jurisdiction, or the jurisdictions there are when none is of it. */
export function ofJurisdiction(registries: LoadedRegistry[], jurisdiction: string | undefined): LoadedRegistry[] | { jurisdictions: string } {
  if (jurisdiction === undefined) return registries;
  const chosen = registries.filter((r) => r.registry.document?.jurisdiction === jurisdiction);
  if (chosen.length > 0 || registries.length === 0) return chosen;
  const there = [...new Set(registries.map((r) => r.registry.document?.jurisdiction ?? t('report.no-jurisdiction')))];
  return { jurisdictions: there.join(t('cli.list-separator')) };
}

/**
 * A unit given on the command line (an alias works), as its canonical name in
 * each jurisdiction; or, when no registry or directory knows it, the closest name.
 */
export function chooseUnit(input: ReportInput, wanted: string): { unitIn: (jurisdiction: string) => string | null } | { meant: string | null } {
  const named = new Set(input.registries.flatMap((r) => r.registry.tasks.flatMap((t) => [...(t.lead ?? []), ...(t.support ?? [])])));
  const unitIn = (jurisdiction: string) => {
    const directory = input.units(jurisdiction);
    return (directory ? resolveUnit(directory, wanted)?.name : undefined) ?? (named.has(wanted) ? wanted : null);
  };
  const jurisdictions = new Set(input.registries.map((r) => r.registry.document?.jurisdiction ?? ''));
  if ([...jurisdictions].some((j) => unitIn(j) !== null)) return { unitIn };
  return { meant: closestName(wanted, [...named, ...[...input.directories.values()].flatMap((d) => d.units.map((u) => u.name))]) };
}
