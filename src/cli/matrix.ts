/** `safety-tasks matrix`: responsibility matrices for a unit, a notice, or all of them. */
import path from 'node:path';
import { forTerminalLine } from '../format/escape.js';
import { reportFormatters, type ReportFormat } from '../format/report.js';
import { documentGrid, overviewMatrix, unitMatrix } from '../report/matrix.js';
import { assignments, type Role } from '../report/responsibility.js';
import { closestName, resolveUnit } from '../units/directory.js';
import { readReportInput, reportStatus, tableOptions } from './report-input.js';

const MESSAGES = {
  noUnit: (wanted: string, meant: string | null) =>
    `safety-tasks matrix：这些台账和单位名录中都没有单位“${forTerminalLine(wanted)}”${meant ? `（是不是“${forTerminalLine(meant)}”？）` : ''}\n`,
  noDocument: (wanted: string, ids: string) => `safety-tasks matrix：这些台账中没有文件“${forTerminalLine(wanted)}”（现有：${forTerminalLine(ids)}）\n`,
};

export interface MatrixCommandOptions {
  units?: string;
  unit?: string;
  doc?: string;
  jurisdiction?: string;
  role?: Role;
  format: ReportFormat;
}

export async function matrixCommand(paths: string[], options: MatrixCommandOptions): Promise<number> {
  const input = await readReportInput(paths, options.units);
  const registries = input.registries.filter((r) => !options.jurisdiction || r.registry.document?.jurisdiction === options.jurisdiction);
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
      process.stderr.write(MESSAGES.noUnit(wanted, meant));
      return 2;
    }
    report = unitMatrix(named, unitIn, options.role);
  } else if (options.doc) {
    const wanted = options.doc;
    const loaded = registries.find((r) => r.registry.document?.id === wanted || path.basename(r.file).replace(/\.[^.]+$/, '') === wanted);
    if (!loaded) {
      process.stderr.write(MESSAGES.noDocument(wanted, registries.map((r) => r.registry.document?.id).join('、')));
      return 2;
    }
    report = documentGrid(loaded, named.filter((a) => !options.role || a.role === options.role));
  } else {
    report = overviewMatrix(named.filter((a) => !options.role || a.role === options.role));
  }
  process.stdout.write(reportFormatters[options.format](report, tableOptions()));
  return reportStatus(input);
}
