/**
 * Validation: registry text in, diagnostics out — YAML syntax, then the
 * schema, then the rules — each at the line and column of its node.
 * Pure: the caller supplies the units directory, today, the source digests
 * and the time budget.
 */
import { isAlias, visit, type Document, type Node } from 'yaml';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import type { UnitsDirectory } from '../units/directory.js';
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

const MESSAGES = {
  aliasGrowth: (size: number) => `别名展开后约 ${Math.round(size / 1024 / 1024)} MB，远超台账本身：疑为 YAML 别名炸弹，未读取`,
  aliasCount: '别名引用次数过多：疑为 YAML 别名炸弹，未读取',
  notYaml: (message: string) => `无法按 YAML 读取：${message}`,
  overBudget: (seconds: number) => `检查超过单个文件的时间限制（${seconds} 秒）：其余检查未做（可用 --timeout-per-file 放宽）`,
};

export interface ReadRegistry {
  /** the registry as data; null when the YAML cannot be read */
  data: unknown;
  located: LocatedDocument;
  /** YAML problems, then schema errors */
  diagnostics: Diagnostic[];
  /** the path of every value that fails the schema */
  failed: Path[];
}

/** Registry text to data: YAML 1.2 with bounded aliases, then the compiled schema. */
export function readRegistryText(text: string, file: string, budget?: ValidateOptions['budget']): ReadRegistry {
  const located = parseRegistryText(text);
  const { document } = located;
  const diagnostics = [
    ...document.errors.map((e) => diagnostic(file, located.at(e.pos[0]), 'yaml-syntax', 'error', e.message.split('\n')[0]!)),
    ...document.warnings.map((e) => diagnostic(file, located.at(e.pos[0]), 'yaml-syntax', 'warning', e.message.split('\n')[0]!)),
  ];
  const failed: Path[] = [];
  const stop = (rule: string, message: string) => ({ data: null, located, diagnostics: [...diagnostics, diagnostic(file, { line: 1, column: 1 }, rule, 'error', message)], failed });
  if (document.errors.length > 0) return { data: null, located, diagnostics, failed };
  if (budget?.spent()) return stop('time-limit', MESSAGES.overBudget(budget.seconds));
  // no `*`, no alias: most registries skip the walk
  const growth = text.includes('*') ? aliasGrowth(document) : 0;
  if (growth > text.length * 3 + MAX_ALIAS_GROWTH) return stop('yaml-syntax', growth === Infinity ? MESSAGES.aliasCount : MESSAGES.aliasGrowth(growth));
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return stop('yaml-syntax', /alias/i.test((error as Error).message) ? MESSAGES.aliasCount : MESSAGES.notYaml((error as Error).message.split('\n')[0]!));
  }
  if (budget?.spent()) return stop('time-limit', MESSAGES.overBudget(budget.seconds));
  diagnostics.push(...checkSchema(data, located, file, (path) => failed.push(path)));
  return { data, located, diagnostics, failed };
}

export function validateRegistryText(text: string, options: ValidateOptions): Diagnostic[] {
  const { data, located, diagnostics } = readRegistryText(text, options.file, options.budget);
  if (data === null) return diagnostics;
  if (options.budget?.spent()) return [...diagnostics, diagnostic(options.file, { line: 1, column: 1 }, 'time-limit', 'error', MESSAGES.overBudget(options.budget.seconds))];
  const jurisdiction = (data as { document?: { jurisdiction?: unknown } } | null)?.document?.jurisdiction;
  const units = options.units(typeof jurisdiction === 'string' ? jurisdiction : null);
  return [...diagnostics, ...checkRules(data, { ...options, located, units })].sort((a, b) => a.line - b.line || a.column - b.column);
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
