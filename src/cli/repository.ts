/**
 * The repository a registry lives in: the nearest folder above it holding
 * schemas/registry.schema.json (as `safety-tasks init` sets up) or .git. The
 * `$schema` line of a registry points into that repository's schemas/, so it
 * resolves wherever the repository is checked out.
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { resolveInside } from '../safe-read.js';
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

const containers = new Map<string, string>();

/**
 * The folder a registry's notice must lie in to be read: the repository of
 * `folder`, or, outside any, `folder` itself. A real path, found once a folder.
 */
function containingFolder(folder: string): string {
  const real = realpathSync(folder);
  let known = containers.get(real);
  if (known === undefined) {
    known = realpathSync(repositoryOf(real) ?? real);
    containers.set(real, known);
  }
  return known;
}

/**
 * Where `recorded` (a registry's source.path) leads from `folder`, when that
 * is inside the folder's repository (or the folder, outside any): links are
 * followed only inside, so nothing is learnt of a path outside. Null when the
 * folder itself cannot be found.
 */
export function noticeInside(folder: string, recorded: string): ReturnType<typeof resolveInside> | null {
  try {
    const real = realpathSync(folder);
    return resolveInside(containingFolder(real), path.resolve(real, recorded));
  } catch {
    return null;
  }
}
