/** `safety-tasks overdue`: what is late as of a date, by unit. */
import { today as localToday } from '../clock.js';
import { isoDate } from '../extract/dates.js';
import { reportFormatters, type ReportFormat } from '../format/report.js';
import { overdueReport, overdueRows } from '../report/overdue.js';
import type { Role } from '../report/responsibility.js';
import { closestName, resolveUnit } from '../units/directory.js';
import { readReportInput, tableOptions } from './report-input.js';

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
  const asOf = options.asOf ?? localToday(process.env);
  if (isoDate(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7)), Number(asOf.slice(8))) !== asOf) {
    process.stderr.write(`safety-tasks overdue: --as-of ${asOf} is not a day: write it YYYY-MM-DD\n`);
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
      process.stderr.write(`safety-tasks overdue: no unit "${wanted}" in these registries or the units directories${meant ? ` (did you mean "${meant}"?)` : ''}\n`);
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
  if (input.unreadable) return 2;
  return options.failOnOverdue && rows.some((r) => r.kind === 'overdue') ? 1 : 0;
}
