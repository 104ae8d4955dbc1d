/**
 * Validation: registry text in, diagnostics out — merge-conflict markers, YAML
 * syntax, then the schema, then the rules — each at the line and column of its
 * node. A file may hold one registry or a list of them (as `extract` prints
 * several), in YAML or JSON. Pure: the caller supplies the units directory,
 * today, the source digests and the time budget.
 */
import { isAlias, isSeq, visit, type Document, type Node } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { t } from '../i18n/index.js';
import type { UnitsDirectory } from '../units/directory.js';
import { yamlProblem } from '../yaml-error.js';
import { parseRegistryText, type LocatedDocument, type Path } from './locate.js';
import { checkRules, type RuleContext } from './rules.js';
import { checkSchema } from './schema.js';

export interface ValidateOptions extends Omit<RuleContext, 'located' | 'units'> {
  /** the units directory of a jurisdiction */
  units: (jurisdiction: string | null) => UnitsDirectory | null;
  /** the file's time budget: asked between steps, a spent budget ends the file's check with one diagnostic */
  budget?: { spent: () => boolean; seconds: number };
}

/** Anchors and aliases may repeat a node this many times; more is a bomb, not a registry. */
const MAX_ALIAS_COUNT = 1000;
/** Aliases may add at most this much text (in characters) beyond a few times the file's own size. */
const MAX_ALIAS_GROWTH = 1024 * 1024;

/** git's conflict markers, each at the start of a line (||||||| is diff3's base). */
const CONFLICT_MARKER = /^(<{7}|\|{7}|={7}|>{7})(?:[ \t][^\r\n]*)?\r?$/gm;
const MARKER_PART = { '<': 'start', '|': 'middle', '=': 'middle', '>': 'end' } as const;

export interface ReadRegistry {
  /** the registries as data, one an item of a list (or the file's one); null when the YAML cannot be read */
  items: { data: unknown; located: LocatedDocument; failed: Path[] }[] | null;
  /** whether the file holds a list of registries */
  list: boolean;
  /** merge conflicts or YAML problems, then schema errors */
  diagnostics: Diagnostic[];
}

/** Registry text to data: YAML 1.2 with bounded aliases, then the compiled schema for each registry. */
export function readRegistryText(text: string, file: string, budget?: ValidateOptions['budget']): ReadRegistry {
  const conflicts = mergeConflicts(text, file);
  // a file git left mid-merge is not YAML: say so once a marker, not a flood of syntax errors
  if (conflicts.length > 0) return { items: null, list: false, diagnostics: conflicts };
  const located = parseRegistryText(text);
  const { document } = located;
  const diagnostics = [
    ...document.errors.map((e) => diagnostic(file, located.at(e.pos[0]), 'yaml-syntax', 'error', yamlProblem(e))),
    ...document.warnings.map((e) => diagnostic(file, located.at(e.pos[0]), 'yaml-syntax', 'warning', yamlProblem(e))),
  ];
  const stop = (rule: string, message: string) => ({ items: null, list: false, diagnostics: [...diagnostics, diagnostic(file, { line: 1, column: 1 }, rule, 'error', message)] });
  if (document.errors.length > 0) return { items: null, list: false, diagnostics };
  if (budget?.spent()) return stop('timed-out', t('validate.timed-out', { seconds: budget.seconds }));
  // no `*`, no alias: most registries skip the walk
  const growth = text.includes('*') ? aliasGrowth(document) : 0;
  if (growth > text.length * 3 + MAX_ALIAS_GROWTH) return stop('yaml-syntax', growth === Infinity ? t('yaml.too-many-aliases') : t('validate.alias-growth', { size: Math.round(growth / 1024 / 1024) }));
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return stop('yaml-syntax', /alias/i.test((error as Error).message) ? t('yaml.too-many-aliases') : t('validate.not-yaml', { message: (error as Error).message.split('\n')[0]! }));
  }
  if (budget?.spent()) return stop('timed-out', t('validate.timed-out', { seconds: budget.seconds }));
  const list = isSeq(document.contents) && Array.isArray(data);
  const items = (list ? (data as unknown[]).map((item, i) => ({ data: item, located: within(located, i) })) : [{ data, located }]).map((item) => {
    const failed: Path[] = [];
    for (const d of checkSchema(item.data, item.located, file, (path) => failed.push(path))) diagnostics.push(d);
    return { ...item, failed };
  });
  return { items, list, diagnostics };
}

export function validateRegistryText(text: string, options: ValidateOptions): Diagnostic[] {
  const { items, diagnostics } = readRegistryText(text, options.file, options.budget);
  if (items === null) return diagnostics;
  if (options.budget?.spent()) return [...diagnostics, diagnostic(options.file, { line: 1, column: 1 }, 'timed-out', 'error', t('validate.timed-out', { seconds: options.budget.seconds }))];
  const found = items.flatMap(({ data, located }) => {
    const jurisdiction = (data as { document?: { jurisdiction?: unknown } } | null)?.document?.jurisdiction;
    const units = options.units(typeof jurisdiction === 'string' ? jurisdiction : null);
    return checkRules(data, { ...options, located, units });
  });
  return [...diagnostics, ...found].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The nodes of one item of a list of registries, found as if it were a file of its own. */
function within(located: LocatedDocument, index: number): LocatedDocument {
  return { ...located, position: (path, options) => located.position([index, ...path], options) };
}

function mergeConflicts(text: string, file: string): Diagnostic[] {
  if (!/^<{7}(?:[ \t]|$)/m.test(text)) return [];
  // lines counted forward from the last marker: one pass over the text however many markers
  let line = 1;
  let counted = 0;
  const lineOf = (offset: number) => {
    for (let at = text.indexOf('\n', counted); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++;
    counted = offset;
    return line;
  };
  return [...text.matchAll(CONFLICT_MARKER)].map((m) =>
    diagnostic(file, { line: lineOf(m.index), column: 1 }, 'merge-conflict', 'error', t(`validate.merge-conflict.${MARKER_PART[m[1]![0] as keyof typeof MARKER_PART]}`, { marker: m[0].trimEnd() })),
  );
}

/**
 * How much text the aliases of a document add when expanded (in characters of
 * source), counted without expanding anything: each alias adds its anchor's
 * text and what that anchor's own aliases add. More aliases than the library
 * is allowed to resolve count as endless (resolving each one rescans the document).
 */
function aliasGrowth(document: Document.Parsed): number {
  const anchors = new Map<string, Node>();
  const targetOf = new Map<Node, Node | null>();
  visit(document, {
    Node: (_, node) => {
      if (isAlias(node)) targetOf.set(node, anchors.get(node.source) ?? null);
      else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  if (targetOf.size === 0) return 0;
  if (targetOf.size > MAX_ALIAS_COUNT) return Infinity;
  const size = (node: Node) => (node.range ? node.range[1] - node.range[0] : 0);
  const added = new Map<Node, number>();
  // what the aliases inside a node add, each anchor counted once (memoised)
  const addedBy = (node: Node): number => {
    const known = added.get(node);
    if (known !== undefined) return known;
    added.set(node, 0); // an anchor reached again inside itself adds nothing more
    let total = 0;
    visit(node, {
      Alias: (_, alias) => {
        const target = targetOf.get(alias);
        if (target) total += size(target) + addedBy(target);
      },
    });
    added.set(node, total);
    return total;
  };
  let growth = 0;
  for (const target of targetOf.values()) if (target) growth += size(target) + addedBy(target);
  return growth;
}
