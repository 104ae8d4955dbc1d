/** What the report commands share: registries and units directories read from disk, problems to stderr. */
import { formatDiagnosticsText } from '../format/diagnostics.js';
import type { ReportFormatOptions } from '../format/report.js';
import { loadRegistries, type LoadedRegistry } from '../registry/load.js';
import type { UnitsDirectory } from '../units/directory.js';
import { closestName, resolveUnit } from '../units/directory.js';
import { directoryFor, isFile, loadUnitsDirectories } from '../units/load.js';

export interface ReportInput {
  registries: LoadedRegistry[];
  directories: Map<string, UnitsDirectory>;
  units: (jurisdiction: string | null) => UnitsDirectory | null;
  /** some input could not be read (already reported on stderr) */
  unreadable: boolean;
}

export async function readReportInput(paths: string[], unitsOption: string | undefined): Promise<ReportInput> {
  const { registries, diagnostics } = await loadRegistries(paths);
  let directories = new Map<string, UnitsDirectory>();
  try {
    directories = await loadUnitsDirectories(unitsOption);
  } catch (error) {
    diagnostics.push({ file: unitsOption ?? 'units', line: 1, column: 1, rule: 'unreadable-input', severity: 'error', message: (error as Error).message });
  }
  process.stderr.write(formatDiagnosticsText(diagnostics, { color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR }));
  return {
    registries,
    directories,
    units: (jurisdiction) => directoryFor(directories, jurisdiction, isFile(unitsOption)),
    unreadable: diagnostics.length > 0,
  };
}

export function tableOptions(): ReportFormatOptions {
  return { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR, width: process.stdout.columns ?? 120 };
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
