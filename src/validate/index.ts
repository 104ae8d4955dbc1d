/**
 * Validation: registry text in, diagnostics out — merge-conflict markers, YAML
 * syntax, then the schema, then the rules — each at the line and column of its
 * node. A file may hold one registry or a list of them (as `extract` prints
 * several), in YAML or JSON. Pure: the caller supplies the units directory,
 * today and the source digests.
 */
import { isSeq } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { t } from '../i18n/index.js';
import type { UnitsDirectory } from '../units/directory.js';
import { yamlProblem } from '../yaml-error.js';
import { parseRegistryText, type LocatedDocument } from './locate.js';
import { checkRules, type RuleContext } from './rules.js';
import { checkSchema } from './schema.js';

export interface ValidateOptions extends Omit<RuleContext, 'located' | 'units'> {
  /** the units directory of a jurisdiction */
  units: (jurisdiction: string | null) => UnitsDirectory | null;
}

/** Anchors and aliases may repeat a node this many times; more is a bomb, not a registry. */
const MAX_ALIAS_COUNT = 1000;

/** git's conflict markers, each at the start of a line (||||||| is diff3's base). */
const CONFLICT_MARKER = /^(<{7}|\|{7}|={7}|>{7})(?:[ \t][^\r\n]*)?\r?$/gm;
const MARKER_PART = { '<': 'start', '|': 'middle', '=': 'middle', '>': 'end' } as const;

export function validateRegistryText(text: string, options: ValidateOptions): Diagnostic[] {
  const conflicts = mergeConflicts(text, options.file);
  // a file git left mid-merge is not YAML: say so once a marker, not a flood of syntax errors
  if (conflicts.length > 0) return conflicts;
  const located = parseRegistryText(text);
  const { document } = located;
  const syntax = [
    ...document.errors.map((e) => diagnostic(options.file, located.at(e.pos[0]), 'yaml-syntax', 'error', yamlProblem(e))),
    ...document.warnings.map((e) => diagnostic(options.file, located.at(e.pos[0]), 'yaml-syntax', 'warning', yamlProblem(e))),
  ];
  if (document.errors.length > 0) return syntax;
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    return [...syntax, diagnostic(options.file, { line: 1, column: 1 }, 'yaml-syntax', 'error', t('yaml.too-many-aliases'))];
  }
  const registries = isSeq(document.contents) && Array.isArray(data) ? data.map((item, i) => ({ item, located: within(located, i) })) : [{ item: data, located }];
  const found = registries.flatMap(({ item, located }) => {
    const jurisdiction = (item as { document?: { jurisdiction?: unknown } } | null)?.document?.jurisdiction;
    const units = options.units(typeof jurisdiction === 'string' ? jurisdiction : null);
    return [...checkSchema(item, located, options.file), ...checkRules(item, { ...options, located, units })];
  });
  return [...syntax, ...found].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The nodes of one item of a list of registries, found as if it were a file of its own. */
function within(located: LocatedDocument, index: number): LocatedDocument {
  return { ...located, position: (path, options) => located.position([index, ...path], options) };
}

function mergeConflicts(text: string, file: string): Diagnostic[] {
  if (!/^<{7}(?:[ \t]|$)/m.test(text)) return [];
  const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
  return [...text.matchAll(CONFLICT_MARKER)].map((m) =>
    diagnostic(file, { line: lineOf(m.index), column: 1 }, 'merge-conflict', 'error', t(`validate.merge-conflict.${MARKER_PART[m[1]![0] as keyof typeof MARKER_PART]}`, { marker: m[0].trimEnd() })),
  );
}
