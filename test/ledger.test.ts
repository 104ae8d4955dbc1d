/**
 * The ledger loop on the built binary: the seeds' registries out as a workbook
 * (read back with exceljs, and by LibreOffice), units' returns filled in and
 * imported, and formula text inert in every spreadsheet output.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { safetyTasks } from './helpers.js';
import type { SentRecord } from '../src/ledger/xlsx.js';
import type { Registry } from '../src/registry/types.js';

const LABELS = ['序号', '编号', '文件', '任务内容', '牵头单位', '配合单位', '完成时限', '进展情况', '状态'];
const STATUS_WORDS = ['未开始', '进行中', '已完成', '已取消', '逾期'];

const work = mkdtempSync(path.join(tmpdir(), 'safety-tasks-ledger-'));
const seeds = path.join(work, 'registries');
expect(safetyTasks('extract', 'seeds', '--out', seeds).status).toBe(0);
const registries = readdirSync(seeds).filter((name) => !name.startsWith('.')).map((name) => parse(readFileSync(path.join(seeds, name), 'utf8')) as Registry);
const allTasks = registries.flatMap((r) => r.tasks.map((t) => ({ document: r.document, task: t })));

async function workbook(file: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

const records = (book: ExcelJS.Workbook): SentRecord[] => {
  const out: SentRecord[] = [];
  book.getWorksheet('_来源')!.eachRow((row, n) => {
    if (n > 1) out.push(JSON.parse(row.getCell(3).text) as SentRecord);
  });
  return out;
};

/** LibreOffice headless, with a profile of its own so parallel runs do not meet: the first sheet as UTF-8 CSV. */
function libreOfficeCsv(xlsx: string): string[][] {
  const out = mkdtempSync(path.join(tmpdir(), 'safety-tasks-soffice-'));
  const result = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${out}/profile`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', out, xlsx],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(result.error, 'LibreOffice (soffice) must be installed: .ci/run installs libreoffice-calc').toBeUndefined();
  expect(result.status).toBe(0);
  return parseCsv(readFileSync(path.join(out, `${path.basename(xlsx, '.xlsx')}.csv`), 'utf8'), { bom: true, relax_column_count: true }) as string[][];
}

describe('ledger --out t.xlsx, from the seeds', () => {
  const file = path.join(work, 't.xlsx');
  const result = safetyTasks('ledger', seeds, '--out', file, '--as-of', '2025-01-15');

  it('has the columns, every task in full, ids as text, 状态 in Chinese', async () => {
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    const book = await workbook(file);
    expect(book.worksheets.map((s) => `${s.name} ${s.state}`)).toEqual(['台账 visible', '_来源 hidden']);
    const sheet = book.getWorksheet('台账')!;
    expect(sheet.getCell('A1').text).toContain(registries[0]!.document.title!);
    expect((sheet.getRow(2).values as string[]).slice(1)).toEqual(LABELS);
    const rows = Array.from({ length: sheet.rowCount - 2 }, (_, i) => sheet.getRow(i + 3));
    expect(rows).toHaveLength(allTasks.length);
    rows.forEach((row, i) => {
      const { task } = allTasks[i]!;
      expect(row.getCell(1).value).toBe(i + 1);
      expect(row.getCell(2).type).toBe(ExcelJS.ValueType.String);
      expect(row.getCell(2).value).toBe(task.id);
      expect(row.getCell(2).numFmt).toBe('@');
      expect(row.getCell(4).value).toBe(task.text);
      expect(STATUS_WORDS).toContain(row.getCell(9).value);
      expect(row.getCell(9).dataValidation).toMatchObject({ type: 'list', formulae: [`"${STATUS_WORDS.join(',')}"`] });
    });
    // a 2.10 stays 2.10
    expect(rows.map((r) => r.getCell(2).value)).toContain('2.10');
    // overdue rows say so, and are shaded
    const overdue = rows.filter((r) => r.getCell(9).value === '逾期');
    expect(overdue.length).toBeGreaterThan(0);
    for (const row of overdue) expect(row.getCell(4).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFDE2E2' } });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', printTitlesRow: '2:2', fitToWidth: 1 });
    expect(sheet.getCell('D3').alignment).toMatchObject({ wrapText: true });
    expect(records(book)).toHaveLength(allTasks.length);
  });

  it('opens in LibreOffice, with the same cells', () => {
    const [title, header, ...body] = libreOfficeCsv(file);
    expect(title![0]).toContain('任务分工台账');
    expect(header).toEqual(LABELS);
    expect(body.map((r) => r[1])).toEqual(allTasks.map((t) => t.task.id));
    expect(body.map((r) => r[3])).toEqual(allTasks.map((t) => t.task.text));
    for (const row of body) expect(STATUS_WORDS).toContain(row[8]);
  }, 120_000);

  it('has csv, json and markdown twins with the full text', () => {
    const csv = parseCsv(safetyTasks('ledger', seeds, '--format', 'csv', '--as-of', '2025-01-15').stdout, { bom: true }) as string[][];
    expect(csv[0]).toEqual(LABELS);
    expect(csv.slice(1).map((r) => r[3])).toEqual(allTasks.map((t) => t.task.text));
    const json = JSON.parse(safetyTasks('ledger', seeds, '--format', 'json', '--as-of', '2025-01-15').stdout) as { rows: { text: string }[] }[];
    expect(json[0]!.rows.map((r) => r.text)).toEqual(allTasks.map((t) => t.task.text));
    const markdown = safetyTasks('ledger', seeds, '--as-of', '2025-01-15').stdout;
    expect(markdown).toContain(`| ${LABELS.join(' | ')} |`);
    expect(markdown).toContain(allTasks.at(-1)!.task.text);
  });

  it('gives one unit its rows, and refuses a unit no one knows', () => {
    const json = JSON.parse(safetyTasks('ledger', seeds, '--unit', '市应急管理局', '--format', 'json', '--as-of', '2025-01-15').stdout) as { title: string; rows: { lead: string[]; support: string[] }[] }[];
    expect(json.map((s) => s.title.slice(0, 20))).toEqual(expect.arrayContaining([expect.stringContaining('市应急局')]));
    expect(json.every((s) => s.rows.length > 0)).toBe(true);
    const unknown = safetyTasks('ledger', seeds, '--unit', '市应急');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('市应急局');
  });
});

/** What `git diff` shows between two texts: removed and added lines. */
function diffLines(before: string, after: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'safety-tasks-diff-'));
  writeFileSync(path.join(dir, 'a'), before);
  writeFileSync(path.join(dir, 'b'), after);
  const out = spawnSync('git', ['diff', '--no-index', '--unified=0', 'a', 'b'], { cwd: dir, encoding: 'utf8' }).stdout;
  const lines = out.split('\n').filter((l) => /^[-+](?![-+]{2} )/.test(l));
  return { removed: lines.filter((l) => l.startsWith('-')).map((l) => l.slice(1)), added: lines.filter((l) => l.startsWith('+')).map((l) => l.slice(1)) };
}

describe('ledger import: a round trip through two units', () => {
  it('applies what two units filled in, and only that; reports a changed 任务内容 and a registry changed since', async () => {
    const into = path.join(work, 'round-trip');
    mkdirSync(into);
    for (const name of readdirSync(seeds)) copyFileSync(path.join(seeds, name), path.join(into, name));
    const sent = path.join(work, 'by-unit.xlsx');
    expect(safetyTasks('ledger', into, '--by-unit', '--out', sent, '--as-of', '2025-01-15').status).toBe(0);
    const book = await workbook(sent);
    const all = records(book);
    const [first, second] = book.worksheets.filter((s) => s.state === 'visible');
    const onSheet = (sheet: ExcelJS.Worksheet) => all.filter((r) => r.sheet === sheet.name);
    // the registry that will change after sending, and rows that are not in it
    const changedRegistry = onSheet(second!)[0]!.file;
    const elsewhere = (sheet: ExcelJS.Worksheet) => onSheet(sheet).filter((r) => r.file !== changedRegistry && r.status === 'open' && r.cells.progress === '');
    const [a1, a2] = elsewhere(first!);
    const b1 = elsewhere(second!).find((r) => r.file !== a1!.file || r.task !== a1!.task)!;
    const changedRow = onSheet(second!)[0]!;

    const fill = (sheet: ExcelJS.Worksheet, row: number, progress: string, status: string) => {
      sheet.getCell(`H${row}`).value = progress;
      sheet.getCell(`I${row}`).value = status;
    };
    // 已办结 and 推进中 are not the drop-down's words, but the status lexicon's: a unit writes its own
    fill(first!, a1!.row, '2025-01-10 完成隐患排查整治', '已办结');
    fill(first!, a2!.row, '2025-01-11 已部署', '推进中');
    first!.getCell(`D${a2!.row}`).value = '改过的任务内容';
    fill(second!, b1.row, '2025年1月8日 召开专题会议部署', '推进中');
    fill(second!, changedRow.row, '2025-01-09 已开展检查', '推进中');
    book.modified = new Date('2025-01-12T09:00:00+08:00');
    const returned = path.join(work, 'returned.xlsx');
    await book.xlsx.writeFile(returned);

    const changedFile = path.join(into, path.basename(changedRegistry));
    writeFileSync(changedFile, `${readFileSync(changedFile, 'utf8')}# 导出后手工改动\n`);
    const before = new Map(readdirSync(into).map((n) => [n, readFileSync(path.join(into, n), 'utf8')]));

    const dry = safetyTasks('ledger', 'import', returned, '--into', into, '--dry-run');
    expect(dry.status).toBe(1);
    expect(dry.stdout).toContain('试运行');
    for (const [n, text] of before) expect(readFileSync(path.join(into, n), 'utf8')).toBe(text);

    const result = safetyTasks('ledger', 'import', returned, '--into', into);
    expect(result.status).toBe(1);
    const problems = result.stderr.trim().split('\n').filter(Boolean);
    expect(problems.map((l) => l.split(/\s+/).at(-1)).sort()).toEqual(['ledger-registry-changed', 'ledger-text-changed']);
    expect(result.stderr).toContain(`${first!.name}!D${a2!.row}`);
    expect(result.stderr).toContain(`${second!.name}!A${changedRow.row}`);
    expect(problems.find((l) => l.endsWith('ledger-text-changed'))).toMatch(new RegExp(`^${returned.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${a2!.row}:4 `));

    const applied = new Map([
      [`${a1!.file}#${a1!.task}`, { status: 'done', lines: ['    status: done', '    done_on: 2025-01-10', '    progress:', `      - {date: 2025-01-10, note: 完成隐患排查整治, by: ${a1!.unit}}`] }],
      [`${b1.file}#${b1.task}`, { status: 'in_progress', lines: ['    status: in_progress', '    progress:', `      - {date: 2025-01-08, note: 召开专题会议部署, by: ${b1.unit}}`] }],
    ]);
    for (const [name, old] of before) {
      const now = readFileSync(path.join(into, name), 'utf8');
      const mine = [...applied].filter(([key]) => path.basename(key.split('#')[0]!) === name);
      const { removed, added } = diffLines(old, now);
      expect(removed).toEqual(mine.map(() => '    status: open'));
      expect(added).toEqual(mine.flatMap(([, v]) => v.lines));
      const tasks = (parse(now) as Registry).tasks;
      for (const [key, v] of mine) expect(tasks.find((t) => t.id === key.split('#')[1])!.status).toBe(v.status);
    }
  }, 120_000);

  it('merges several returns for one task in date order, the latest-saved status winning', async () => {
    const into = path.join(work, 'merge');
    mkdirSync(into);
    for (const name of readdirSync(seeds)) copyFileSync(path.join(seeds, name), path.join(into, name));
    const sent = path.join(work, 'merge.xlsx');
    safetyTasks('ledger', path.join(into, '003_c1536b6ac6ba3ddc.yaml'), '--out', sent, '--as-of', '2025-01-15');
    const returns: string[] = [];
    for (const [name, progress, status, saved] of [
      ['late.xlsx', '2025-02-01 全部整改完毕\n2025-01-20 完成复查', '已完成', '2025-02-02'],
      ['early.xlsx', '2025-01-05 开始排查', '推进中', '2025-01-06'],
    ] as const) {
      const book = await workbook(sent);
      const sheet = book.getWorksheet('台账')!;
      sheet.getCell('H3').value = progress;
      sheet.getCell('I3').value = status;
      book.modified = new Date(`${saved}T10:00:00+08:00`);
      returns.push(path.join(work, name));
      await book.xlsx.writeFile(returns.at(-1)!);
    }
    const result = safetyTasks('ledger', 'import', ...returns, '--into', into);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const task = (parse(readFileSync(path.join(into, '003_c1536b6ac6ba3ddc.yaml'), 'utf8')) as Registry).tasks[0]!;
    expect(task.progress!.map((p) => `${p.date} ${p.note}`)).toEqual(['2025-01-05 开始排查', '2025-01-20 完成复查', '2025-02-01 全部整改完毕']);
    expect(task.status).toBe('done');
    expect(task.done_on).toBe('2025-02-01');
  }, 60_000);

  it('reports rows added, deleted and moved, and unknown status words', async () => {
    const into = path.join(work, 'rows');
    mkdirSync(into);
    copyFileSync(path.join(seeds, '003_c1536b6ac6ba3ddc.yaml'), path.join(into, '003.yaml'));
    const sent = path.join(work, 'rows.xlsx');
    safetyTasks('ledger', into, '--out', sent, '--as-of', '2025-01-15');
    const book = await workbook(sent);
    const sheet = book.getWorksheet('台账')!;
    const last = sheet.rowCount;
    const moved = sheet.getRow(3).values as ExcelJS.CellValue[];
    sheet.spliceRows(3, 1);
    sheet.getCell('I3').value = '差不多了';
    sheet.addRow(moved);
    sheet.addRow([null, '9.9', '自拟', '单位自己加的一项任务']);
    await book.xlsx.writeFile(sent);
    const result = safetyTasks('ledger', 'import', sent, '--into', into);
    expect(result.status).toBe(1);
    const rules = result.stderr.trim().split('\n').map((l) => `${l.split(':')[1]} ${l.split(/\s+/).at(-1)}`);
    expect(rules).toEqual(
      expect.arrayContaining([`3 ledger-unknown-status`, `${last} ledger-row-moved`, `${last + 1} ledger-row-added`]),
    );
    expect(readFileSync(path.join(into, '003.yaml'), 'utf8')).toBe(readFileSync(path.join(seeds, '003_c1536b6ac6ba3ddc.yaml'), 'utf8'));
  }, 60_000);
});

describe('formula text is inert in every spreadsheet output', () => {
  const dir = path.join(work, 'hostile');
  mkdirSync(dir);
  const registry = path.join(dir, 'hostile.yaml');
  writeFileSync(
    registry,
    `version: 1
document:
  id: hostile
  title: "=HYPERLINK(\\"http://example.com\\")"
  issuer: null
  number: null
  date: 2024-01-10
  period: {from: 2024-01-01, to: 2024-12-31}
  jurisdiction: 威海市
  source: {path: n.txt, sha256: "0000000000000000000000000000000000000000000000000000000000000000"}
tasks:
  - id: "2.10"
    number: "10"
    section: []
    title: null
    text: "=1+2"
    lead: ["@SUM(A1)"]
    support: ["+市应急局", "-1"]
    responsibility_text: null
    deadline: 2024-06-30
    deadline_text: null
    recurrence: []
    status: open
    line: 1
`,
  );
  const hostile = /^[=+\-@\t\r]/;

  const both = ["'=1+2", "'@SUM(A1)"];
  it.each([
    [both, 'ledger', registry, '--format', 'csv', '--as-of', '2025-01-15'],
    [both, 'ledger', registry, '--by-unit', '--format', 'csv', '--as-of', '2025-01-15'],
    [both, 'overdue', registry, '--format', 'csv', '--as-of', '2025-01-15'],
    [["'=1+2", "'+市应急局、-1"], 'matrix', registry, '--unit', '@SUM(A1)', '--format', 'csv'],
    [["'@SUM(A1)", "'-1"], 'matrix', registry, '--doc', 'hostile', '--format', 'csv'],
    [["'@SUM(A1)"], 'matrix', registry, '--format', 'csv'],
    [["'@SUM(A1)", "'+市应急局"], 'units', registry, '--format', 'csv'],
  ] as [string[], ...string[]][])('%s from %s %s %s %s', (escaped, ...args) => {
    const { stdout } = safetyTasks(...args);
    const cells = (parseCsv(stdout, { bom: true, relax_column_count: true }) as string[][]).flat();
    expect(cells.length).toBeGreaterThan(3);
    expect(cells.filter((c) => hostile.test(c))).toEqual([]);
    expect(stdout).not.toMatch(/(^|[\r\n,"])[=+@]/);
    expect(cells).toEqual(expect.arrayContaining(escaped));
  });

  it('in the xlsx, by cell type and in the bytes, and as LibreOffice reads it', async () => {
    const file = path.join(dir, 'hostile.xlsx');
    expect(safetyTasks('ledger', registry, '--by-unit', '--out', file, '--as-of', '2025-01-15').status).toBe(0);
    const book = await workbook(file);
    let cells = 0;
    for (const sheet of book.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          cells++;
          // text, a number (序号), or the title row's merged cells: never a formula
          expect([ExcelJS.ValueType.String, ExcelJS.ValueType.Number, ExcelJS.ValueType.Merge]).toContain(cell.type);
          if (cell.type === ExcelJS.ValueType.String) expect(String(cell.value)).not.toMatch(hostile);
        }),
      );
    }
    expect(cells).toBeGreaterThan(20);
    const zip = await JSZip.loadAsync(readFileSync(file));
    const parts = Object.keys(zip.files).filter((n) => /^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(n));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      const xml = await zip.file(part)!.async('string');
      expect(xml).not.toMatch(/<f[ >]/);
      expect(xml).not.toMatch(/<t[^>]*>[=+\-@]/);
    }
    const sharedStrings = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(sharedStrings).toContain('<t>&apos;=1+2</t>');
    expect(sharedStrings).toContain('<t>&apos;@SUM(A1)</t>');
    const [, , row] = libreOfficeCsv(file);
    expect(row![3]).toBe("'=1+2");
    expect(row![4]).toBe("'@SUM(A1)");
  }, 120_000);
});

describe('an --out the ledger cannot write', () => {
  it('is said on the file, exit 2, and nothing else is written', () => {
    // a regular file where a folder should be: ENOTDIR, whoever runs the test
    const blocker = path.join(work, 'not-a-folder');
    writeFileSync(blocker, '');
    const result = safetyTasks('ledger', seeds, '--out', path.join(blocker, '台账.csv'), '--lang', 'en');
    expect(result.status).toBe(2);
    const out = path.join(blocker, '台账.csv');
    // one line, on the file, in English: no internal error, no stack
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.startsWith(`${out}: `)).toBe(true);
    expect(lines[0]!.slice(out.length)).not.toMatch(/[\u4e00-\u9fff]/);
    // nothing written: not on stdout, not over the file in the way
    expect(result.stdout).toBe('');
    expect(readFileSync(blocker, 'utf8')).toBe('');
  });
});
