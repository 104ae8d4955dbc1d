/** `safety-tasks matrix`: responsibility matrices for a unit, a notice, or all of them. */
import path from 'node:path';
import type { ReportFormat } from '../format/report.js';
import { t } from '../i18n/index.js';
import { documentGrid, overviewMatrix, unitMatrix } from '../report/matrix.js';
import { assignments, type Role } from '../report/responsibility.js';
import { closestName, resolveUnit } from '../units/directory.js';
import { ofJurisdiction, readReportInput, printReport, reportStatus } from './report-input.js';
import { usageError } from './usage-error.js';

export interface MatrixCommandOptions {
  units?: string;
  unit?: string;
  doc?: string;
  jurisdiction?: string;
  role?: Role;
  format: ReportFormat;
}

export async function matrixCommand(paths: string[], options: MatrixCommandOptions): Promise<number> {
  if (options.unit && options.doc) return usageError('matrix', 'cli.matrix.doc-and-unit');
  const input = await readReportInput(paths, options.units);
  const registries = ofJurisdiction(input.registries, options.jurisdiction);
  if (!Array.isArray(registries)) return usageError('matrix', 'cli.no-jurisdiction', { jurisdiction: options.jurisdiction!, jurisdictions: registries.jurisdictions });
  const named = assignments(registries, input.units, { throughGroups: true });
  let report;
  if (options.unit) {
    const wanted = options.unit;
    const present = new Set(named.map((a) => `${a.jurisdiction}\u0000${a.unit}`));
    const unitIn = (jurisdiction: string) => {
      const directory = input.units(jurisdiction);
      const known = directory ? resolveUnit(directory, wanted)?.name : undefined;
      return known ?? (present.has(`${jurisdiction}\u0000${wanted}`) ? wanted : null);
    };
    if (!named.some((a) => unitIn(a.jurisdiction) !== null)) {
      const everyName = [...new Set([...named.map((a) => a.unit), ...[...input.directories.values()].flatMap((d) => [...d.byName.keys()])])];
      const meant = closestName(wanted, everyName);
      return usageError('matrix', 'cli.no-unit', { unit: wanted, suggestion: meant ? t('cli.did-you-mean', { name: meant }) : '' });
    }
    report = unitMatrix(named, unitIn, options.role);
  } else if (options.doc) {
    const wanted = options.doc;
    const loaded = registries.find((r) => r.registry.document?.id === wanted || path.basename(r.file).replace(/\.[^.]+$/, '') === wanted);
    if (!loaded) return usageError('matrix', 'cli.matrix.no-doc', { doc: wanted, ids: registries.map((r) => r.registry.document?.id).join(t('cli.list-separator')) });
    report = documentGrid(loaded, named.filter((a) => !options.role || a.role === options.role));
  } else {
    report = overviewMatrix(named.filter((a) => !options.role || a.role === options.role));
  }
  await printReport(options.format, report);
  return reportStatus(input);
}
