/**
 * The units directory (单位名录): for one jurisdiction, each unit's canonical
 * name, the other names it is printed under, its kind, and a group's members.
 * Pure: the CLI reads the files; this indexes and answers.
 */

export interface UnitEntry {
  name: string;
  aliases?: string[];
  kind?: string;
  members?: string[];
  note?: string;
}

export interface UnitsFile {
  jurisdiction: string;
  units: UnitEntry[];
}

export interface UnitsDirectory {
  jurisdiction: string;
  /** where the directory was read from, for messages */
  file: string;
  units: UnitEntry[];
  /** every name and alias, spaces removed, to its entry */
  byName: Map<string, UnitEntry>;
}

const key = (name: string) => name.replace(/\s+/g, '');

export function indexUnits(content: UnitsFile, file: string): UnitsDirectory {
  const byName = new Map<string, UnitEntry>();
  for (const unit of content.units ?? []) {
    for (const name of [unit.name, ...(unit.aliases ?? [])]) if (typeof name === 'string') byName.set(key(name), unit);
  }
  return { jurisdiction: content.jurisdiction, file, units: content.units ?? [], byName };
}

/** The entry a printed name denotes, by its canonical name or an alias. */
export function resolveUnit(directory: UnitsDirectory, name: string): UnitEntry | null {
  return directory.byName.get(key(name)) ?? null;
}

/** Canonical names for a list as printed: known names are replaced, unknown ones kept, repeats dropped. */
export function canonicalNames(directory: UnitsDirectory | null, names: string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    const canonical = directory ? resolveUnit(directory, name)?.name ?? name : name;
    if (!out.includes(canonical)) out.push(canonical);
  }
  return out;
}

/**
 * The known name closest to an unknown one, for "did you mean": the same
 * characters in another order (市城乡住房建设局 → 市住房城乡建设局), or at
 * most a third of the characters changed.
 */
export function closestUnit(directory: UnitsDirectory, name: string): string | null {
  // the same misspelling recurs across a pile of registries: work each out once
  const cache = suggestions.get(directory) ?? new Map<string, string | null>();
  suggestions.set(directory, cache);
  if (!cache.has(name)) {
    const known = closestName(key(name), [...directory.byName.keys()]);
    cache.set(name, known ? directory.byName.get(known)!.name : null);
  }
  return cache.get(name)!;
}

const suggestions = new WeakMap<UnitsDirectory, Map<string, string | null>>();

/** Of `candidates`, the one most like `name`, where it is like enough. */
export function closestName(name: string, candidates: string[]): string | null {
  let best: { name: string; score: number } | null = null;
  for (const candidate of candidates) {
    const score = similarity(name, candidate);
    if (score >= 0.6 && (!best || score > best.score)) best = { name: candidate, score };
  }
  return best?.name ?? null;
}

function similarity(a: string, b: string): number {
  if ([...a].sort().join('') === [...b].sort().join('')) return 1;
  return 1 - editDistance(a, b) / Math.max(a.length, b.length, 1);
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** Whether --units names a single file (used for every registry) rather than a folder. */
export function isFile(location: string | undefined): boolean {
  return location !== undefined && /\.ya?ml$/i.test(location);
}

/**
 * The directory for a registry: with --units naming one file, that file for
 * every registry; otherwise the one whose jurisdiction matches.
 */
export function directoryFor(directories: Map<string, UnitsDirectory>, jurisdiction: string | null, single: boolean): UnitsDirectory | null {
  if (single) return directories.values().next().value ?? null;
  return jurisdiction ? directories.get(jurisdiction) ?? null : null;
}
