/** The `units` report: every unit named in the registries, how much it carries, and names the directory does not know. */
import type { Report } from '../format/report.js';
import { t } from '../i18n/index.js';
import { closestUnit, type UnitsDirectory } from '../units/directory.js';
import { chineseOrder, groupBy, type Assignment } from './responsibility.js';

const byJurisdiction = (list: Assignment[]) => [...groupBy(list, (a) => a.jurisdiction)].sort(([a], [b]) => chineseOrder(a, b));

export function unitsReport(named: Assignment[], units: (jurisdiction: string) => UnitsDirectory | null): Report {
  return {
    sections: byJurisdiction(named).map(([jurisdiction, list]) => {
      const directory = units(jurisdiction);
      const rows = new Map<string, { lead: Set<string>; support: Set<string>; documents: Set<string> }>();
      for (const a of list) {
        const row = rows.get(a.unit) ?? { lead: new Set(), support: new Set(), documents: new Set() };
        row[a.role].add(`${a.document}#${a.task.id}`);
        row.documents.add(a.document);
        rows.set(a.unit, row);
      }
      return {
        title: jurisdiction,
        columns: [
          { key: 'unit', label: t('report.column.unit'), sticky: true, maxWidth: 30 },
          { key: 'kind', label: t('report.column.unit-kind') },
          { key: 'lead', label: t('report.column.lead') },
          { key: 'support', label: t('report.column.support') },
          { key: 'documents', label: t('report.column.documents') },
        ],
        rows: [...rows]
          .map(([unit, r]) => {
            const entry = directory?.byName.get(unit.replace(/\s+/g, ''));
            return { unit, kind: entry ? entry.kind ?? '' : directory ? t('report.unregistered') : '', lead: r.lead.size, support: r.support.size, documents: r.documents.size };
          })
          .sort((a, b) => b.lead - a.lead || b.support - a.support || chineseOrder(a.unit, b.unit)),
      };
    }),
  };
}

export interface UnknownName {
  jurisdiction: string;
  name: string;
  places: { file: string; task: string }[];
  closest: string | null;
}

export function unknownNames(named: Assignment[], units: (jurisdiction: string) => UnitsDirectory | null): UnknownName[] {
  const found = new Map<string, UnknownName>();
  for (const a of named) {
    const directory = units(a.jurisdiction);
    if (a.known || !directory) continue;
    const key = `${a.jurisdiction}\u0000${a.unit}`;
    const entry = found.get(key) ?? { jurisdiction: a.jurisdiction, name: a.unit, places: [], closest: closestUnit(directory, a.unit) };
    entry.places.push({ file: a.file, task: a.task.id });
    found.set(key, entry);
  }
  return [...found.values()];
}

export function unknownReport(unknown: UnknownName[]): Report {
  return {
    sections: [
      {
        title: null,
        columns: [
          { key: 'document', label: t('report.column.document'), sticky: true, maxWidth: 24 },
          { key: 'task', label: t('report.column.task'), sticky: true },
          { key: 'jurisdiction', label: t('report.column.jurisdiction') },
          { key: 'name', label: t('report.column.unknown-name'), maxWidth: 30 },
          { key: 'closest', label: t('report.column.closest'), maxWidth: 30 },
        ],
        // one row a place, so each carries its file and task on every slice of a narrow table
        rows: unknown.flatMap((u) => u.places.map((p) => ({ document: p.file, task: p.task, jurisdiction: u.jurisdiction, name: u.name, closest: u.closest }))),
      },
    ],
  };
}

export interface AliasSuggestion {
  jurisdiction: string;
  file: string | null;
  name: string;
  aliases: string[];
}

/**
 * Proposed alias entries: an unknown name close to a known one, and pairs of
 * names that look like one unit written two ways — the same characters in
 * another order (市城乡住房建设局 / 市住房城乡建设局), or one name the other
 * with a prefix or suffix (团市委 / 共青团市委). The name used more is kept.
 */
export function aliasSuggestions(named: Assignment[], units: (jurisdiction: string) => UnitsDirectory | null): AliasSuggestion[] {
  const suggestions: AliasSuggestion[] = [];
  for (const [jurisdiction, list] of byJurisdiction(named.filter((a) => a.via === null))) {
    const directory = units(jurisdiction);
    const uses = new Map<string, number>();
    const known = new Map<string, boolean>();
    for (const a of list) {
      uses.set(a.unit, (uses.get(a.unit) ?? 0) + 1);
      known.set(a.unit, a.known);
    }
    const names = [...uses.keys()].sort((a, b) => uses.get(b)! - uses.get(a)! || chineseOrder(a, b));
    const alike = writtenTwiceIndex(names);
    const merged = new Map<string, string[]>();
    const taken = new Set<string>();
    for (const name of names) {
      if (taken.has(name)) continue;
      for (const other of alike(name)) {
        if (taken.has(other)) continue;
        merged.set(name, [...(merged.get(name) ?? []), other]);
        taken.add(other);
      }
      const closest = directory && !known.get(name) ? closestUnit(directory, name) : null;
      if (closest && closest !== name && !taken.has(name)) {
        merged.set(closest, [...(merged.get(closest) ?? []), name]);
        taken.add(name);
      }
    }
    for (const [name, aliases] of merged) suggestions.push({ jurisdiction, file: directory?.file ?? null, name, aliases });
  }
  return suggestions;
}

/**
 * For each name, the other names that look like the same unit written two
 * ways, in the order of `names` — the same characters in another order, or
 * one name the other with a prefix or suffix of at most three characters
 * (the shorter at least three) — found through an index, not by comparing
 * every pair of names.
 */
function writtenTwiceIndex(names: string[]): (name: string) => string[] {
  const rank = new Map(names.map((name, i) => [name, i]));
  const anagrams = groupBy(names, (name) => [...name].sort().join(''));
  // a name under each of its shortenings by one to three characters at either end
  const longer = new Map<string, string[]>();
  const shortenings = (name: string) => {
    const out = new Set<string>();
    for (let k = 1; k <= 3 && name.length - k >= 3; k++) out.add(name.slice(0, name.length - k)).add(name.slice(k));
    return out;
  };
  for (const name of names) {
    for (const short of shortenings(name)) {
      const list = longer.get(short);
      if (list) list.push(name);
      else longer.set(short, [name]);
    }
  }
  return (name) => {
    const found = new Set([...anagrams.get([...name].sort().join(''))!, ...[...shortenings(name)].filter((short) => rank.has(short)), ...(longer.get(name) ?? [])]);
    found.delete(name);
    return [...found].sort((a, b) => rank.get(a)! - rank.get(b)!);
  };
}
