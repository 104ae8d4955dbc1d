/**
 * Step 2: the schema pass. The validators were compiled from schemas/ at build
 * time (scripts/compile-schemas.js); each error becomes a diagnostic at its node.
 */
import { readFileSync } from 'node:fs';
import { diagnostic, type Diagnostic } from '../diagnostic.js';
import { t } from '../i18n/index.js';
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

type SchemaNode = { $ref?: string; properties?: Record<string, SchemaNode>; items?: SchemaNode };
let schemaJson: SchemaNode & { $defs: Record<string, SchemaNode> } | null = null;

/** The keys an object at `path` may have, read from the schema JSON only when a key is wrong: for "did you mean". */
function allowedKeys(path: (string | number)[]): string[] {
  schemaJson ??= JSON.parse(readFileSync(new URL('../../schemas/registry.schema.json', import.meta.url), 'utf8'));
  const resolve = (node: SchemaNode | undefined) => (node?.$ref ? schemaJson!.$defs[node.$ref.replace('#/$defs/', '')] : node);
  let node = resolve(schemaJson!);
  for (const segment of path) node = resolve(typeof segment === 'number' ? node?.items : node?.properties?.[segment]);
  return Object.keys(node?.properties ?? {});
}

/** A path as a clerk reads it: `task 1.2: deadline`, `document.source`. */
function describe(path: (string | number)[], data: unknown): string {
  if (path[0] === 'tasks' && typeof path[1] === 'number') {
    const id = (data as { tasks: { id?: unknown }[] }).tasks[path[1]]?.id;
    const task = typeof id === 'string' ? t('validate.task', { id }) : t('validate.task-number', { n: path[1] + 1 });
    return path.length > 2 ? `${task}: ${path.slice(2).join('.')}` : task;
  }
  return path.length ? path.join('.') : t('validate.the-registry');
}

/** JSON types as a clerk reads them: 文字, 列表 … */
function typeNames(types: string[]): string {
  const id = (type: string) => `validate.type.${type}` as const;
  return types.map((type) => (['string', 'number', 'integer', 'boolean', 'array', 'object', 'null'].includes(type) ? t(id(type) as Parameters<typeof t>[0]) : type)).join(t('validate.type.or'));
}

/** Each schema error as a diagnostic at its node; `failed` hears the path of every value that fails. */
export function checkSchema(data: unknown, located: LocatedDocument, file: string, failed?: (path: (string | number)[]) => void): Diagnostic[] {
  if (validateRegistry(data)) return [];
  const diagnostics: Diagnostic[] = [];
  for (const error of (validateRegistry as unknown as { errors: SchemaError[] }).errors) {
    const path = pointerToPath(error.instancePath);
    failed?.(path);
    const value = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], data);
    const where = (p: (string | number)[]) => describe(p, data);
    switch (error.keyword) {
      case 'additionalProperties': {
        const key = String(error.params.additionalProperty);
        const meant = closestName(key, allowedKeys(path));
        diagnostics.push(
          diagnostic(file, located.position([...path, key], { key: true }), 'unknown-key', 'error',
            t('validate.unknown-key', { key, where: where(path) }), meant ? t('validate.did-you-mean', { name: meant }) : undefined),
        );
        break;
      }
      case 'required':
        diagnostics.push(
          diagnostic(file, located.position(path), 'missing-field', 'error', t('validate.missing-field', { where: where(path), field: String(error.params.missingProperty) })),
        );
        break;
      case 'type':
        diagnostics.push(
          diagnostic(file, located.position(path), 'wrong-type', 'error',
            t('validate.wrong-type', { where: where(path), expected: typeNames(String(error.params.type).split(',')), actual: typeNames([value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value]) })),
        );
        break;
      case 'pattern':
        diagnostics.push(
          diagnostic(file, located.position(path), 'invalid-format', 'error',
            /date|deadline|done_on|start|from|to/.test(String(path.at(-1))) ? t('validate.invalid-date-format', { where: where(path), value: String(value) }) : t('validate.invalid-format', { where: where(path) })),
        );
        break;
      case 'enum':
      case 'const':
        diagnostics.push(
          diagnostic(file, located.position(path), 'invalid-value', 'error',
            error.keyword === 'enum'
              ? t('validate.invalid-enum', { where: where(path), allowed: (error.params.allowedValues as unknown[]).join(', '), value: JSON.stringify(value) })
              : t('validate.invalid-const', { where: where(path), allowed: String(error.params.allowedValue), value: JSON.stringify(value) })),
        );
        break;
      default:
        diagnostics.push(diagnostic(file, located.position(path), 'schema', 'error', t('validate.schema-other', { where: where(path), keyword: error.keyword })));
    }
  }
  return diagnostics;
}
