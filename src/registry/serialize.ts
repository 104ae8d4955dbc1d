/**
 * Registries as text: YAML for people (with the schema line the YAML language
 * server reads), JSON for machines. Key order is fixed by the types, so the
 * same registry always prints the same bytes.
 */
import { Document, isMap, isScalar, visit } from 'yaml';
import type { Registry } from './types.js';

export function registryToYaml(registry: Registry | Registry[], schemaPath: string | null): string {
  const header = schemaPath ? `# yaml-language-server: $schema=${schemaPath}\n` : '';
  const doc = new Document(registry, { aliasDuplicateObjects: false });
  // a task's spans are for tools (review), not for reading: one line each
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'spans' && isMap(pair.value)) pair.value.flow = true;
    },
  });
  return header + doc.toString({ lineWidth: 0 });
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
