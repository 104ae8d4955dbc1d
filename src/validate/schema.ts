/**
 * Step 2: the schema pass. The validators were compiled from schemas/ at build
 * time (scripts/compile-schemas.js); each error becomes a diagnostic at its node.
 */
import { readFileSync } from 'node:fs';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { closestName } from '../units/directory.js';
import { validateRegistry } from './compiled-schemas.js';
import { pointerToPath, type LocatedDocument } from './locate.js';

interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

let schemaJson: Record<string, unknown> | null = null;
/** The keys a misspelt one could have meant: read from the schema JSON, only when a key is wrong. */
function allowedKeys(schemaPath: string): string[] {
  schemaJson ??= JSON.parse(readFileSync(new URL('../../schemas/registry.schema.json', import.meta.url), 'utf8'));
  let node: unknown = schemaJson;
  for (const segment of schemaPath.replace(/^#\//, '').split('/').slice(0, -1)) node = (node as Record<string, unknown>)?.[segment];
  return Object.keys(((node as Record<string, unknown>)?.properties as object) ?? {});
}

const where = (path: (string | number)[]) => (path.length ? path.join('.') : 'the registry');

export function checkSchema(data: unknown, located: LocatedDocument, file: string): Diagnostic[] {
  if (validateRegistry(data)) return [];
  const diagnostics: Diagnostic[] = [];
  for (const error of (validateRegistry as unknown as { errors: SchemaError[] }).errors) {
    const path = pointerToPath(error.instancePath);
    const value = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], data);
    switch (error.keyword) {
      case 'additionalProperties': {
        const key = String(error.params.additionalProperty);
        const meant = closestName(key, allowedKeys(error.schemaPath));
        diagnostics.push(
          diagnostic(file, located.position([...path, key], { key: true }), 'unknown-key', 'error',
            `unknown key "${key}" in ${where(path)} (own fields start with x-)`, meant ? `did you mean "${meant}"?` : undefined),
        );
        break;
      }
      case 'required':
        diagnostics.push(
          diagnostic(file, located.position(path), 'missing-field', 'error', `${where(path)} has no "${String(error.params.missingProperty)}"`),
        );
        break;
      case 'type':
        diagnostics.push(
          diagnostic(file, located.position(path), 'wrong-type', 'error',
            `${where(path)} must be ${String(error.params.type).replace(',', ' or ')}, not ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}`),
        );
        break;
      case 'pattern':
        diagnostics.push(
          diagnostic(file, located.position(path), 'invalid-format', 'error',
            /date|deadline|done_on|start|from|to/.test(String(path.at(-1))) ? `${where(path)} must be a date written YYYY-MM-DD, not "${String(value)}"` : `${where(path)} is not in the expected form: ${error.message}`),
        );
        break;
      case 'enum':
      case 'const':
        diagnostics.push(
          diagnostic(file, located.position(path), 'invalid-value', 'error',
            `${where(path)} must be ${error.keyword === 'enum' ? `one of ${(error.params.allowedValues as unknown[]).join(', ')}` : String(error.params.allowedValue)}, not ${JSON.stringify(value)}`),
        );
        break;
      default:
        diagnostics.push(diagnostic(file, located.position(path), 'schema', 'error', `${where(path)} ${error.message ?? 'is not valid'}`));
    }
  }
  return diagnostics;
}
