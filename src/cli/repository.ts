/**
 * The repository a registry lives in: the nearest folder above it holding
 * schemas/registry.schema.json (as `safety-tasks init` sets up) or .git. The
 * `$schema` line of a registry points into that repository's schemas/, so it
 * resolves wherever the repository is checked out.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { toPosix } from './files.js';

export const SCHEMA_FILE = path.join('schemas', 'registry.schema.json');

export function repositoryOf(folder: string): string | null {
  for (let at = path.resolve(folder); ; at = path.dirname(at)) {
    if (existsSync(path.join(at, SCHEMA_FILE)) || existsSync(path.join(at, '.git'))) return at;
    if (path.dirname(at) === at) return null;
  }
}

/** The `$schema` path for registries written to `folder`, relative to it; null where its repository has no schemas/. */
export function schemaPathFor(folder: string): string | null {
  const repository = repositoryOf(folder);
  if (!repository || !existsSync(path.join(repository, SCHEMA_FILE))) return null;
  return toPosix(path.relative(path.resolve(folder), path.join(repository, SCHEMA_FILE)));
}
