/** `safety-tasks overdue`: what is late as of a date, by unit. */
import { isoDate } from '../extract/dates.js';
import { reportFormatters, type ReportFormat } from '../format/report.js';
import { overdueReport, overdueRows } from '../report/overdue.js';
import type { Role } from '../report/responsibility.js';
import { chooseUnit, readReportInput, tableOptions } from './report-input.js';

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
    process.stderr.write(`safety-tasks overdue: --as-of ${asOf} is not a day: write it YYYY-MM-DD\n`);
    return 2;
  }
  const input = await readReportInput(paths, options.units);
  let unitIn: ((jurisdiction: string) => string | null) | undefined;
  if (options.unit) {
    const chosen = chooseUnit(input, options.unit);
    if ('meant' in chosen) {
      process.stderr.write(`safety-tasks overdue: no unit "${options.unit}" in these registries or the units directories${chosen.meant ? ` (did you mean "${chosen.meant}"?)` : ''}\n`);
      return 2;
    }
    unitIn = chosen.unitIn;
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
