/** `safety-tasks units`: every unit the registries name, what it carries, and names the directory does not know. */
import path from 'node:path';
import { Document, isSeq, visit } from 'yaml';
import { forTerminalLine } from '../format/escape.js';
import type { ReportFormat } from '../format/report.js';
import { t } from '../i18n/index.js';
import { assignments, groupBy } from '../report/responsibility.js';
import { aliasSuggestions, unitsReport, unknownNames, unknownReport } from '../report/units.js';
import { readReportInput, printReport, reportStatus } from './report-input.js';
import { usageError } from './usage-error.js';

export interface UnitsCommandOptions {
  units?: string;
  format: ReportFormat;
  unknown?: boolean;
  suggest?: boolean;
  /** --format was written on the command line, not left at its default */
  formatGiven?: boolean;
}

export async function unitsCommand(paths: string[], options: UnitsCommandOptions): Promise<number> {
  if (options.suggest && options.unknown) return usageError('units', 'cli.units.suggest-and-unknown');
  if (options.suggest && options.formatGiven) return usageError('units', 'cli.units.suggest-format', { format: options.format });
  const input = await readReportInput(paths, options.units);
  const named = assignments(input.registries, input.units, { throughGroups: false });
  const units = (jurisdiction: string) => input.units(jurisdiction);
  let found = false;
  if (options.suggest) {
    // a name that needs escaping to be shown (a control, a bidi override, a workflow command) is not proposed as an alias
    const shownAsIs = (name: string) => forTerminalLine(name) === name;
    const suggestions = aliasSuggestions(named, units).filter((s) => shownAsIs(s.name) && s.aliases.every(shownAsIs));
    found = suggestions.length > 0;
    for (const [jurisdiction, list] of groupBy(suggestions, (s) => s.jurisdiction)) {
      const file = list[0]!.file ? path.relative(process.cwd(), list[0]!.file) : null;
      const entries = new Document(list.map(({ name, aliases }) => ({ name, aliases })));
      visit(entries, { Seq: (_, node, ancestors) => void (ancestors.length > 1 && isSeq(node) && (node.flow = true)) });
      process.stdout.write(`${file ? t('cli.units.add-to', { jurisdiction: forTerminalLine(jurisdiction), file: forTerminalLine(file) }) : `# ${forTerminalLine(jurisdiction)}`}\n${entries.toString({ flowCollectionPadding: false })}`);
    }
  } else if (options.unknown) {
    const unknown = unknownNames(named, units);
    found = unknown.length > 0;
    await printReport(options.format, unknownReport(unknown));
  } else {
    await printReport(options.format, unitsReport(named, units));
  }
  return reportStatus(input, found);
}
