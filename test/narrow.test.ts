/**
 * Narrow terminals (COLUMNS is honoured when piped): every line fits, and every
 * slice of a split table carries the key columns 文件 and 任务, so a figure can
 * be tied to its task; narrower still, a block a task. Help fits too.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { useColor } from '../src/cli/terminal.js';
import { FIXED_WIDTH, stringWidth as displayWidth, widthAt } from '../src/format/width.js';
import { safetyTasks, safetyTasksIn, zh } from './helpers.js';

const registries = mkdtempSync(path.join(tmpdir(), 'safety-tasks-narrow-'));
safetyTasks('extract', 'seeds', '--out', registries);

const reports: [string, string[]][] = [
  ['overdue', ['overdue', registries, '--as-of', '2025-03-01']],
  ['units --unknown', ['units', registries, '--unknown']],
  ['matrix --unit', ['matrix', registries, '--unit', '市应急局']],
];

/** The header row of each table in the output, up to the per-unit summary of overdue. */
function headers(output: string): string[] {
  const lines = output.split(zh('report.section.by-unit'))[0]!.split('\n');
  return lines.flatMap((line, i) => (line.startsWith('┌') ? [lines[i + 1]!] : []));
}

describe('at 80 columns', () => {
  it.each(reports)('%s: every line fits, every slice carries 文件 and 任务', { timeout: 60_000 }, (_name, args) => {
    const { stdout } = safetyTasksIn({ COLUMNS: '80' }, ...args);
    const lines = stdout.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    const slices = headers(stdout);
    // each of these is wider than 80 columns: it is split, and the keys repeat
    expect(slices.length).toBeGreaterThan(1);
    for (const header of slices) {
      expect(header).toContain(zh('report.column.document'));
      expect(header).toContain(zh('report.column.task'));
    }
  });

  it('overdue shows the jurisdiction of each task', () => {
    const { stdout } = safetyTasksIn({ COLUMNS: '80' }, 'overdue', registries, '--as-of', '2025-03-01');
    expect(headers(stdout).some((h) => h.includes(zh('report.column.jurisdiction')))).toBe(true);
    expect(stdout).toContain('滕州市');
    expect(stdout).toContain('威海市');
  });
});

describe('at 40 columns', () => {
  it.each(reports)('%s: a block a task, headed by its 文件 and 任务', (_name, args) => {
    const { stdout } = safetyTasksIn({ COLUMNS: '40' }, ...args);
    for (const line of stdout.trimEnd().split('\n')) expect(stringWidth(line)).toBeLessThanOrEqual(40);
    const blocks = stdout.split(zh('report.section.by-unit'))[0]!.trim().split('\n\n');
    expect(blocks.length).toBeGreaterThan(0);
    // each block opens with its file, and names its task before its other fields
    for (const titled of blocks) {
      // a section's title (威海市 · 市应急局) stands over its first block
      const block = titled.replace(/^.* · .*\n/, '');
      expect(block.startsWith(`${zh('report.column.document')} `)).toBe(true);
      expect(block.split('\n  ')[0]).toMatch(new RegExp(`(^|\\s)${zh('report.column.task')} \\S`));
    }
  });
});

describe('help', () => {
  it.each(['extract', 'validate', 'units', 'matrix', 'status', 'overdue', 'init'])('of %s fits 60 columns, in Chinese and in English', { timeout: 60_000 }, (command) => {
    for (const lang of ['zh', 'en']) {
      const { status, stdout } = safetyTasksIn({ COLUMNS: '60' }, command, '--help', '--lang', lang);
      expect(status).toBe(0);
      for (const line of stdout.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(60);
    }
  });
});

describe('display width measured without string-width', () => {
  it('gives every character it measures itself the width string-width gives it', () => {
    let measured = 0;
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (!FIXED_WIDTH.test(char)) continue;
      measured++;
      expect(displayWidth(char), code.toString(16)).toBe(stringWidth(char));
    }
    // printable ASCII and the CJK blocks: the fast path is taken at all
    expect(measured).toBeGreaterThan(20_000);
  });

  it('measures each character of a table cell as string-width does, the astral plane included', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      expect(widthAt(char, 0, 1), code.toString(16)).toBe(stringWidth(char));
    }
    expect(widthAt('a𠀀', 1, 2)).toBe(stringWidth('𠀀'));
  });

  it('agrees with string-width on text mixing them with what it hands on', () => {
    const unit = fc.constantFrom('a', ' ', '~', '安', '。', '（', '）', 'ア', '１', '“', '”', '·', '—', 'é', 'e\u0301', '\u200b', '\t', '\x1b[31m', '👍', '👨\u200d👩', '\ud800', '𠀀');
    fc.assert(fc.property(fc.string({ unit }), (text) => displayWidth(text) === stringWidth(text)));
  });
});

describe('colour', () => {
  const terminal = { isTTY: true } as NodeJS.WriteStream;
  const pipe = { isTTY: false } as NodeJS.WriteStream;
  it.each([
    [{}, terminal, true],
    [{}, pipe, false],
    [{ NO_COLOR: '1' }, terminal, false],
    [{ FORCE_COLOR: '0' }, terminal, false],
    [{ TERM: 'dumb' }, terminal, false],
  ] as [Record<string, string>, NodeJS.WriteStream, boolean][])('with %o', (env, stream, expected) => {
    const saved = { ...process.env };
    for (const key of ['NO_COLOR', 'FORCE_COLOR', 'TERM']) delete process.env[key];
    Object.assign(process.env, env);
    try {
      expect(useColor(stream)).toBe(expected);
    } finally {
      process.env = saved;
    }
  });
});
