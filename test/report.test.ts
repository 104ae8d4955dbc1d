/**
 * units and matrix: held against the answer keys in ../shared/gold, and every
 * output format against a snapshot reviewed by hand (test/__snapshots__/).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { safetyTasks, zh } from './helpers.js';
import { extractNotice } from '../src/extract/index.js';
import { reportFormatters, type ReportFormat } from '../src/format/report.js';
import type { LoadedRegistry } from '../src/registry/load.js';
import { documentGrid, overviewMatrix, unitMatrix } from '../src/report/matrix.js';
import { assignments } from '../src/report/responsibility.js';
import { aliasSuggestions, unitsReport, unknownNames } from '../src/report/units.js';
import { directoryFor, resolveUnit } from '../src/units/directory.js';
import { loadUnitsDirectories } from '../src/units/load.js';

const directories = await loadUnitsDirectories();
const units = (jurisdiction: string | null) => directoryFor(directories, jurisdiction, false);
const registries: LoadedRegistry[] = readdirSync('seeds').map((name) => {
  const content = readFileSync(`seeds/${name}`, 'utf8');
  return { file: `registries/${name.replace('.txt', '.yaml')}`, registry: extractNotice({ content, path: `seeds/${name}`, kind: 'text', units }).registry };
});
const named = assignments(registries, units, { throughGroups: true });
const options = { color: false, width: 100 };
const formats: ReportFormat[] = ['table', 'csv', 'json', 'markdown'];


describe('matrix --unit 市应急局, against the answer keys', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'safety-tasks-'));
  safetyTasks('extract', 'seeds', '--out', out);
  const result = safetyTasks('matrix', out, '--unit', '市应急局', '--format', 'json');
  const sections = JSON.parse(result.stdout) as { title: string; rows: { document: string; task: string; role: string; via: string | null }[] }[];
  const goldDir = '../shared/gold';

  it.runIf(existsSync(goldDir))('lists every task whose key names 市应急局, with its role, in one section per jurisdiction', () => {
    expect(result.status).toBe(0);
    expect(sections.map((s) => s.title).sort()).toEqual(['威海市 · 市应急局', '滕州市 · 市应急局'].sort());
    for (const section of sections) {
      const jurisdiction = section.title.split(' · ')[0]!;
      const directory = units(jurisdiction)!;
      const isIt = (name: string) => resolveUnit(directory, name)?.name === '市应急局';
      const expected: string[] = [];
      for (const keyFile of readdirSync(goldDir).filter((f) => f.endsWith('.yaml'))) {
        const key = parse(readFileSync(`${goldDir}/${keyFile}`, 'utf8'));
        const registry = registries.find((r) => r.registry.document.id === key.file.replace('.txt', ''))!.registry;
        if (registry.document.jurisdiction !== jurisdiction) continue;
        for (const task of key.tasks.filter((t: { optional?: boolean }) => !t.optional)) {
          if ((task.lead ?? []).some(isIt)) expected.push(`${registry.document.id} ${task.id} 牵头`);
          else if ((task.support ?? []).some(isIt)) expected.push(`${registry.document.id} ${task.id} 配合`);
        }
      }
      const direct = section.rows.filter((r) => r.via === null).map((r) => `${r.document} ${r.task} ${r.role}`);
      expect(direct.sort()).toEqual(expected.sort());
      for (const row of section.rows.filter((r) => r.via !== null)) {
        expect(directory.byName.get(row.via!)?.members).toContain('市应急局');
      }
    }
  });

  it('accepts an alias, and refuses an unknown name with a suggestion', () => {
    const alias = safetyTasks('matrix', out, '--unit', '市应急管理局', '--format', 'json');
    expect(JSON.parse(alias.stdout)).toEqual(sections);
    const unknown = safetyTasks('matrix', out, '--unit', '市应急');
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toContain(zh('cli.did-you-mean', { name: '市应急局' }));
  });
});

describe('matrix --doc', () => {
  const registry = registries.find((r) => r.registry.document.id === '004_65114f20cbda8ae2')!;
  const grid = documentGrid(registry, named);

  it('prints the 19-row grid, then the totals', () => {
    const rows = grid.sections[0]!.rows;
    expect(rows).toHaveLength(21);
    expect(rows.slice(0, 19).map((r) => r.task)).toEqual(registry.registry.tasks.map((t) => t.id));
    expect(rows.slice(19).map((r) => r.task)).toEqual(['牵头合计', '配合合计']);
  });

  it('keys its JSON cells by unit name, lists its columns, and keeps each title whole', () => {
    const [section] = JSON.parse(reportFormatters.json(grid, options)) as { columns: { key: string; label: string }[]; rows: Record<string, string>[] }[];
    expect(section!.columns.slice(0, 3)).toEqual([
      { key: 'task', label: '任务' },
      { key: 'title', label: '任务名称' },
      { key: '市安委会办公室', label: '市安委会办公室' },
    ]);
    expect(section!.columns.slice(2).every((c) => c.key === c.label)).toBe(true);
    expect(section!.rows[0]).toMatchObject({ task: '2.1.1', title: registry.registry.tasks[0]!.title, 市安委会办公室: '●', 各镇街: '○' });
  });

  it('round-trips through a CSV parser to the same cells', () => {
    const csv = reportFormatters.csv(grid, options);
    expect(csv.startsWith('\ufeff')).toBe(true);
    const [header, ...body] = parseCsv(csv, { bom: true }) as string[][];
    const columns = grid.sections[0]!.columns;
    expect(header).toEqual(columns.map((c) => c.label));
    expect(body).toEqual(grid.sections[0]!.rows.map((row) => columns.map((c) => String(row[c.key] ?? ''))));
  });
});

describe('units', () => {
  it('names 太阳成集团tyc234cc as unknown, with where it occurs', () => {
    const unknown = unknownNames(assignments(registries, units, { throughGroups: false }), (j) => units(j));
    expect(unknown).toEqual([
      { jurisdiction: '威海市', name: '太阳成集团tyc234cc', places: [{ file: 'registries/001_b11ec0531f900c9a.yaml', task: '6.29' }], closest: null },
    ]);
  });

  it('keeps 市应急局 of 威海市 and of 滕州市 apart', () => {
    const report = unitsReport(assignments(registries, units, { throughGroups: false }), (j) => units(j));
    const rowsOf = (title: string) => report.sections.find((s) => s.title === title)!.rows.filter((r) => r.unit === '市应急局');
    expect(rowsOf('威海市')).toHaveLength(1);
    expect(rowsOf('滕州市')).toEqual([{ unit: '市应急局', kind: 'department', lead: 1, support: 0, documents: 1 }]);
  });
});

describe('every format, as reviewed', () => {
  const tengzhou = registries.filter((r) => r.registry.document.jurisdiction === '滕州市');
  const tengzhouNamed = assignments(tengzhou, units, { throughGroups: true });
  const reports = {
    units: unitsReport(assignments(tengzhou, units, { throughGroups: false }), (j) => units(j)),
    'matrix-unit': unitMatrix(tengzhouNamed, () => '市应急局'),
    'matrix-doc': documentGrid(tengzhou[0]!, tengzhouNamed),
    'matrix-overview': overviewMatrix(tengzhouNamed),
  };
  for (const [name, report] of Object.entries(reports)) {
    it.each(formats)(`${name} as %s`, async (format) => {
      const extension = { table: 'txt', csv: 'csv', json: 'json', markdown: 'md' }[format];
      await expect(reportFormatters[format](report, options)).toMatchFileSnapshot(`__snapshots__/${name}.${extension}`);
    });
  }
});

describe('units --suggest', () => {
  // the definition, pair by pair: what the index in aliasSuggestions must find, in the same order
  const writtenTwice = (a: string, b: string) => {
    const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
    if (shorter.length === longer.length) return [...a].sort().join('') === [...b].sort().join('');
    return shorter.length >= 3 && longer.length - shorter.length <= 3 && (longer.startsWith(shorter) || longer.endsWith(shorter));
  };
  const byPairs = (names: string[]) => {
    const uses = new Map<string, number>();
    for (const name of names) uses.set(name, (uses.get(name) ?? 0) + 1);
    const order = [...uses.keys()].sort((a, b) => uses.get(b)! - uses.get(a)! || new Intl.Collator('zh').compare(a, b));
    const merged = new Map<string, string[]>();
    const taken = new Set<string>();
    for (const name of order) {
      if (taken.has(name)) continue;
      for (const other of order) {
        if (other === name || taken.has(other) || !writtenTwice(name, other)) continue;
        merged.set(name, [...(merged.get(name) ?? []), other]);
        taken.add(other);
      }
    }
    return [...merged].map(([name, aliases]) => ({ name, aliases }));
  };
  const named = (names: string[]) =>
    names.map((unit, i) => ({ jurisdiction: '威海市', document: 'd', file: 'd.yaml', task: { id: String(i) } as never, unit, role: 'lead' as const, via: null, known: false }));

  it('proposes the pairs that read as one unit written two ways, found through an index', () => {
    expect(aliasSuggestions(named(['市住房城乡建设局', '市住房城乡建设局', '市城乡住房建设局', '共青团市委', '团市委', '市应急局']), () => null)).toEqual([
      { jurisdiction: '威海市', file: null, name: '市住房城乡建设局', aliases: ['市城乡住房建设局'] },
      { jurisdiction: '威海市', file: null, name: '共青团市委', aliases: ['团市委'] },
    ]);
    const name = fc.array(fc.constantFrom('市', '局', '委', '团', '应', '急'), { minLength: 1, maxLength: 7 }).map((c) => c.join(''));
    fc.assert(
      fc.property(fc.array(name, { maxLength: 40 }), (names) => {
        expect(aliasSuggestions(named(names), () => null).map(({ name, aliases }) => ({ name, aliases }))).toEqual(byPairs(names));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the registries a report holds', () => {
  it('are the files’ registries without the tasks’ spans, which only review (loading them whole) reads', async () => {
    const { loadRegistries } = await import('../src/registry/load.js');
    const folder = 'test/fixtures/seeds';
    const held = await loadRegistries([folder]);
    const whole = await loadRegistries([folder], { whole: true });
    expect(held.diagnostics).toEqual([]);
    expect(held.registries.map((r) => r.file)).toEqual(whole.registries.map((r) => r.file));
    for (const [i, { registry }] of whole.registries.entries()) {
      expect(registry.tasks.some((task) => task.spans)).toBe(true);
      expect(held.registries[i]!.registry).toEqual({ ...registry, tasks: registry.tasks.map(({ spans: _spans, ...task }) => task) });
    }
  });
});
