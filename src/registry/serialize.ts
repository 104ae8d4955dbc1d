/**
 * Registries as text: YAML for people (with the schema line the YAML language
 * server reads), JSON for machines. Key order is fixed by the types, so the
 * same registry always prints the same bytes.
 */
import { Document, isMap, isScalar, visit } from 'yaml';
import { stringifyString, type StringifyContext } from 'yaml/util';
import type { Registry } from './types.js';

export function registryToYaml(registry: Registry | Registry[], schemaPath: string | null): string {
  const header = schemaPath ? `# yaml-language-server: $schema=${schemaPath}\n` : '';
  return header + (blockYaml(registry) ?? documentYaml(registry));
}

/** The yaml package's own rendering, through a Document: the reference the direct writer below must equal. */
export function documentYaml(value: unknown): string {
  const doc = new Document(value, { aliasDuplicateObjects: false });
  // a task's spans are for tools (review), not for reading: one line each
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'spans' && isMap(pair.value)) pair.value.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/*
 * The same text written directly (issue 17: building a Document per registry
 * was a third of extract's time). Scalars still go through the yaml package's
 * own string writer; only the layout of maps and lists is written here. Where
 * a value is of a shape this writer does not know (a string over several
 * lines, a key that needs quotes, a number that is not a plain integer), it
 * returns undefined and the Document writes the registry.
 */
const schemaDoc = new Document();
const scalarOptions = {
  blockQuote: true,
  defaultKeyType: null,
  defaultStringType: 'PLAIN',
  doubleQuotedAsJSON: false,
  doubleQuotedMinMultiLineLength: 40,
  lineWidth: 0,
  minContentWidth: 20,
  singleQuote: null,
};
const blockContext = { actualString: true, doc: schemaDoc, indent: '  ', indentStep: '  ', implicitKey: false, inFlow: false, options: scalarOptions } as unknown as StringifyContext;
const flowContext = { ...blockContext, inFlow: true } as StringifyContext;
const PLAIN_KEY = /^[a-z][a-z0-9_]*$/;
const writtenInBlock = new Map<string, string>();
const writtenInFlow = new Map<string, string>();
let writtenChars = 0;
const NOT_A_KEY = new Set(['null', 'true', 'false']);

class Unknown extends Error {}

function scalar(value: unknown, inFlow: boolean): string {
  if (value === null) return 'null';
  if (value === true || value === false) return String(value);
  if (typeof value === 'number' && Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value);
  // a line break or a document marker makes the package's writer depend on where the string stands
  if (typeof value === 'string' && !value.includes('\n') && !/^(?:%|---|\.\.\.)/.test(value)) {
    // a registry repeats its units, headings and dates task after task: each string is written by the package once
    const written = inFlow ? writtenInFlow : writtenInBlock;
    let text = written.get(value);
    if (text === undefined) {
      text = stringifyString({ value } as never, inFlow ? flowContext : blockContext);
      // kept to a few million characters, however many notices a run reads
      writtenChars += value.length + text.length;
      if (writtenChars > 4_000_000) {
        writtenInBlock.clear();
        writtenInFlow.clear();
        writtenChars = value.length + text.length;
      }
      written.set(value, text);
    }
    return text;
  }
  throw new Unknown();
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const entriesOf = (value: Record<string, unknown>) => Object.entries(value).filter(([, v]) => v !== undefined);
const hasEntries = (value: Record<string, unknown>) => {
  for (const key in value) if (value[key] !== undefined) return true;
  return false;
};
const keyOf = (key: string) => {
  if (!PLAIN_KEY.test(key) || NOT_A_KEY.has(key)) throw new Unknown();
  return key;
};

function flow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (isObject(value)) return `{${entriesOf(value).map(([k, v]) => `${keyOf(k)}: ${flow(v)}`).join(', ')}}`;
  return scalar(value, true);
}

/** `value` as the value of a pair or an item: on its own line(s) when a non-empty block collection, else after the indicator. */
function after(value: unknown, indent: string, key: string | null, out: string[], line: string): void {
  if (key === 'spans' && isObject(value)) return void out.push(`${line} ${flow(value)}`);
  if (Array.isArray(value) && value.length > 0) {
    out.push(line);
    return sequence(value, `${indent}  `, out);
  }
  if (isObject(value) && hasEntries(value)) {
    out.push(line);
    return mapping(value, `${indent}  `, out);
  }
  out.push(`${line} ${Array.isArray(value) ? '[]' : isObject(value) ? '{}' : scalar(value, false)}`);
}

function mapping(value: Record<string, unknown>, indent: string, out: string[]): void {
  for (const k in value) if (value[k] !== undefined) after(value[k], indent, k, out, `${indent}${keyOf(k)}:`);
}

function sequence(items: unknown[], indent: string, out: string[]): void {
  for (const item of items) {
    if (Array.isArray(item)) throw new Unknown();
    if (isObject(item) && hasEntries(item)) {
      // an item's first pair stands on its dash line, the others below it
      const first = out.length;
      mapping(item, `${indent}  `, out);
      out[first] = `${indent}- ${out[first]!.slice(indent.length + 2)}`;
    } else out.push(`${indent}- ${isObject(item) ? '{}' : scalar(item, false)}`);
  }
}

function blockYaml(value: Registry | Registry[]): string | undefined {
  const out: string[] = [];
  try {
    if (Array.isArray(value)) sequence(value, '', out);
    else mapping(value as unknown as Record<string, unknown>, '', out);
  } catch (error) {
    if (error instanceof Unknown) return undefined;
    throw error;
  }
  return out.length === 0 ? undefined : `${out.join('\n')}\n`;
}

export function registriesToJson(registries: Registry[] | Registry): string {
  return `${JSON.stringify(registries, null, 2)}\n`;
}

export interface RenderOptions {
  format: 'yaml' | 'json';
  /** the schema path for the YAML language server line, or null for none */
  schema: string | null;
  /** one item of a list of registries, not a file of its own */
  element: boolean;
}

/** A registry as the text extract writes: a file of its own, or one item of a streamed list. */
export function renderRegistry(registry: Registry, options: RenderOptions): string {
  if (options.format === 'json') {
    const json = registriesToJson(registry);
    return options.element ? json.trimEnd().replace(/^/gm, '  ') : json;
  }
  return options.element ? registryToYaml([registry], null) : registryToYaml(registry, options.schema);
}
