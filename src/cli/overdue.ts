/** `safety-tasks overdue`: what is late as of a date, by unit. */
import { isoDate } from '../calendar.js';
import { forTerminalLine } from '../format/escape.js';
import { reportFormatters, type ReportFormat } from '../format/report.js';
import { overdueReport, overdueRows } from '../report/overdue.js';
import type { Role } from '../report/responsibility.js';
import { closestName, resolveUnit } from '../units/directory.js';
import { readReportInput, reportStatus, tableOptions } from './report-input.js';

const MESSAGES = {
  notADay: (asOf: string) => `safety-tasks overdue：--as-of ${forTerminalLine(asOf)} 不是有效日期：请写成 YYYY-MM-DD\n`,
  noUnit: (wanted: string, meant: string | null) =>
    `safety-tasks overdue：这些台账和单位名录中都没有单位“${forTerminalLine(wanted)}”${meant ? `（是不是“${forTerminalLine(meant)}”？）` : ''}\n`,
};

export interface OverdueCommandOptions {
  asOf?: string;
  unit?: string;
  within?: number;
  role?: Role;
  format: ReportFormat;
  failOnOverdue?: boolean;
  explicitOnly?: boolean;
  units?: string;
}

export async function overdueCommand(paths: string[], options: OverdueCommandOptions): Promise<number> {
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  if (isoDate(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7)), Number(asOf.slice(8))) !== asOf) {
    process.stderr.write(MESSAGES.notADay(asOf));
    return 2;
  }
  const input = await readReportInput(paths, options.units);
  let unitIn: ((jurisdiction: string) => string | null) | undefined;
  if (options.unit) {
    const wanted = options.unit;
    const named = new Set(input.registries.flatMap((r) => r.registry.tasks.flatMap((t) => [...(t.lead ?? []), ...(t.support ?? [])])));
    unitIn = (jurisdiction) => {
      const directory = input.units(jurisdiction);
      return (directory ? resolveUnit(directory, wanted)?.name : undefined) ?? (named.has(wanted) ? wanted : null);
    };
    const jurisdictions = new Set(input.registries.map((r) => r.registry.document?.jurisdiction ?? ''));
    if (![...jurisdictions].some((j) => unitIn!(j) !== null)) {
      const meant = closestName(wanted, [...named, ...[...input.directories.values()].flatMap((d) => d.units.map((u) => u.name))]);
      process.stderr.write(MESSAGES.noUnit(wanted, meant));
      return 2;
    }
  }
  const rows = overdueRows(input.registries, input.units, {
    asOf,
    ...(options.within !== undefined ? { within: options.within } : {}),
    ...(options.explicitOnly ? { explicitOnly: true } : {}),
    ...(unitIn ? { unitIn } : {}),
    ...(options.role ? { role: options.role } : {}),
  });
  process.stdout.write(reportFormatters[options.format](overdueReport(rows), tableOptions()));
  return reportStatus(input, options.failOnOverdue && rows.some((r) => r.kind === 'overdue'));
}
