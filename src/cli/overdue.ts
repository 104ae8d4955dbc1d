/** `safety-tasks overdue`: what is late as of a date, by unit. */
import { isoDate } from '../calendar.js';
import { today as localToday } from '../clock.js';
import { t } from '../i18n/index.js';
import type { ReportFormat } from '../format/report.js';
import { overdueReport, overdueRows } from '../report/overdue.js';
import type { Role } from '../report/responsibility.js';
import { chooseUnit, ofJurisdiction, readReportInput, printReport, reportStatus } from './report-input.js';
import { usageError } from './usage-error.js';

export interface OverdueCommandOptions {
  asOf?: string;
  jurisdiction?: string;
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
  if (isoDate(Number(asOf.slice(0, 4)), Number(asOf.slice(5, 7)), Number(asOf.slice(8))) !== asOf) return usageError('overdue', 'cli.overdue.as-of-not-a-day', { asOf });
  if (options.role && !options.unit) return usageError('overdue', 'cli.overdue.role-without-unit');
  const input = await readReportInput(paths, options.units);
  const registries = ofJurisdiction(input.registries, options.jurisdiction);
  if (!Array.isArray(registries)) return usageError('overdue', 'cli.no-jurisdiction', { jurisdiction: options.jurisdiction!, jurisdictions: registries.jurisdictions });
  let unitIn: ((jurisdiction: string) => string | null) | undefined;
  if (options.unit) {
    const chosen = chooseUnit({ ...input, registries }, options.unit);
    if ('meant' in chosen) {
      return usageError('overdue', 'cli.no-unit', { unit: options.unit, suggestion: chosen.meant ? t('cli.did-you-mean', { name: chosen.meant }) : '' });
    }
    unitIn = chosen.unitIn;
  }
  const rows = overdueRows(registries, input.units, {
    asOf,
    ...(options.within !== undefined ? { within: options.within } : {}),
    ...(options.explicitOnly ? { explicitOnly: true } : {}),
    ...(unitIn ? { unitIn } : {}),
    ...(options.role ? { role: options.role } : {}),
  });
  await printReport(options.format, overdueReport(rows));
  return reportStatus(input, options.failOnOverdue && rows.some((r) => r.kind === 'overdue'));
}
