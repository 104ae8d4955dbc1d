/**
 * Validation: registry text in, diagnostics out — YAML syntax, then the
 * schema, then the rules — each at the line and column of its node.
 * Pure: the caller supplies the units directory, today and the source digests.
 */
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import type { UnitsDirectory } from '../units/directory.js';
import { parseRegistryText } from './locate.js';
import { checkRules, type RuleContext } from './rules.js';
import { checkSchema } from './schema.js';

export interface ValidateOptions extends Omit<RuleContext, 'located' | 'units'> {
  /** the units directory of a jurisdiction */
  units: (jurisdiction: string | null) => UnitsDirectory | null;
}

/** Anchors and aliases may repeat a node this many times; more is a bomb, not a registry. */
const MAX_ALIAS_COUNT = 1000;

export function validateRegistryText(text: string, options: ValidateOptions): Diagnostic[] {
  const located = parseRegistryText(text);
  const { document } = located;
  const syntax = [
    ...document.errors.map((e) => diagnostic(options.file, located.at(e.pos[0]), 'yaml-syntax', 'error', e.message.split('\n')[0]!)),
    ...document.warnings.map((e) => diagnostic(options.file, located.at(e.pos[0]), 'yaml-syntax', 'warning', e.message.split('\n')[0]!)),
  ];
  if (document.errors.length > 0) return syntax;
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return [...syntax, diagnostic(options.file, { line: 1, column: 1 }, 'yaml-syntax', 'error', (error as Error).message)];
  }
  const jurisdiction = (data as { document?: { jurisdiction?: unknown } } | null)?.document?.jurisdiction;
  const units = options.units(typeof jurisdiction === 'string' ? jurisdiction : null);
  return [...syntax, ...checkSchema(data, located, options.file), ...checkRules(data, { ...options, located, units })].sort(
    (a, b) => a.line - b.line || a.column - b.column,
  );
}
