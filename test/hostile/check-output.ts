/** What no output of the tool may hold, whatever the registries and notices say: shared by the hostile tests. */
import { parse as parseCsv } from 'csv-parse/sync';
import { expect } from 'vitest';

/** ESC, C0 controls other than tab/newline/CR, DEL, C1, bidi controls and the Unicode line separators. */
export const DANGEROUS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;
/** One of the tool's own annotations: `::error file=…,line=…,col=…,title=…::message`. */
const OWN_ANNOTATION = /^::(error|warning|notice) file=[^:\n]*,line=\d+,col=\d+,title=[^:\n]*::[^\n]*$/;

/** No line a terminal or GitHub Actions would act on: no escape or bidi byte, no `::` command but our own, no `##[`. */
export function expectInert(output: string, { annotations = false } = {}): void {
  expect(output).not.toMatch(DANGEROUS);
  expect(output).not.toContain('##[');
  for (const line of output.split(/\r?\n/)) {
    if (!/^\s*::/.test(line)) continue;
    expect(annotations, `a line that GitHub would run: ${JSON.stringify(line)}`).toBe(true);
    expect(line).toMatch(OWN_ANNOTATION);
  }
}

/** Every row of every markdown table has as many cells as its header (no cell holds a `|`, escaped or not). */
export function expectMarkdownRows(markdown: string): void {
  const cells = (line: string) => line.split('|').length - 2;
  const lines = markdown.split('\n');
  let tables = 0;
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('|') || !/^\|( --- \|)+$/.test(lines[i + 1] ?? '')) continue;
    tables++;
    const width = cells(lines[i]!);
    expect(cells(lines[i + 1]!)).toBe(width);
    for (let j = i + 2; j < lines.length && lines[j]!.startsWith('|'); j++) expect(cells(lines[j]!), lines[j]).toBe(width);
  }
  expect(tables).toBeGreaterThan(0);
}

/** A CSV that parses, and no cell a spreadsheet would run as a formula. */
export function expectInertCsv(csv: string): string[][] {
  const records = parseCsv(csv.replace(/^\ufeff/, ''), { relax_column_count: true }) as string[][];
  // a plain number (-1) is a number to a spreadsheet, not a formula
  for (const cell of records.flat()) if (!/^-?\d+$/.test(cell)) expect(cell, `a formula: ${JSON.stringify(cell)}`).not.toMatch(/^\s*[=+\-@]/);
  return records;
}

/** No crash: a known exit status, no stack trace, no raw Node error, no library warning. */
export function expectNoCrash(run: { status: number | null; signal?: NodeJS.Signals | null; stderr: string }): void {
  expect(run.signal ?? null, 'killed: the run did not finish in time').toBeNull();
  expect([0, 1, 2]).toContain(run.status);
  expect(run.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(run.stderr).not.toMatch(/TypeError|RangeError|ReferenceError|Maximum call stack|TAG_RESOLVE_FAILED|ENOENT|EACCES|internal-error/);
}
