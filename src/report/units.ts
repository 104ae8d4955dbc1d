/** The `units` report: every unit named in the registries, how much it carries, and names the directory does not know. */
import type { Report } from '../format/report.js';
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
          { key: 'unit', label: '单位', sticky: true, maxWidth: 30 },
          { key: 'kind', label: '类别' },
          { key: 'lead', label: '牵头' },
          { key: 'support', label: '配合' },
          { key: 'documents', label: '文件数' },
        ],
        rows: [...rows]
          .map(([unit, r]) => {
            const entry = directory?.byName.get(unit.replace(/\s+/g, ''));
            return { unit, kind: entry ? entry.kind ?? '' : directory ? '未登记' : '', lead: r.lead.size, support: r.support.size, documents: r.documents.size };
          })
          .sort((a, b) => b.lead - a.lead || b.support - a.support || chineseOrder(a.unit, b.unit)),
      };
    }),
  };
}

export interface UnknownName {
  jurisdiction: string;
  name: string;
  places: string[];
  closest: string | null;
}

export function unknownNames(named: Assignment[], units: (jurisdiction: string) => UnitsDirectory | null): UnknownName[] {
  const found = new Map<string, UnknownName>();
  for (const a of named) {
    const directory = units(a.jurisdiction);
    if (a.known || !directory) continue;
    const key = `${a.jurisdiction}\u0000${a.unit}`;
    const entry = found.get(key) ?? { jurisdiction: a.jurisdiction, name: a.unit, places: [], closest: closestUnit(directory, a.unit) };
    entry.places.push(`${a.file} ${a.task.id}`);
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
          { key: 'jurisdiction', label: '辖区' },
          { key: 'name', label: '未登记单位', maxWidth: 30 },
          { key: 'places', label: '出现位置', maxWidth: 50 },
          { key: 'closest', label: '最接近的登记名称', maxWidth: 30 },
        ],
        rows: unknown.map((u) => ({ ...u })),
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
    const merged = new Map<string, string[]>();
    const taken = new Set<string>();
    for (const name of names) {
      if (taken.has(name)) continue;
      for (const other of names) {
        if (other === name || taken.has(other) || !sameUnitWrittenTwice(name, other)) continue;
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

function sameUnitWrittenTwice(a: string, b: string): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.length === longer.length) return [...a].sort().join('') === [...b].sort().join('');
  return shorter.length >= 3 && longer.length - shorter.length <= 3 && (longer.startsWith(shorter) || longer.endsWith(shorter));
}
