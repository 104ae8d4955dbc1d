/**
 * Registries as text: YAML for people (with the schema line the YAML language
 * server reads), JSON for machines. Key order is fixed by the types, so the
 * same registry always prints the same bytes.
 */
import { stringify } from 'yaml';
import type { Registry } from './types.js';

export function registryToYaml(registry: Registry | Registry[], schemaPath: string | null): string {
  const header = schemaPath ? `# yaml-language-server: $schema=${schemaPath}\n` : '';
  return header + stringify(registry, { lineWidth: 0, aliasDuplicateObjects: false });
}

export function registriesToJson(registries: Registry[] | Registry): string {
  return `${JSON.stringify(registries, null, 2)}\n`;
}
