/**
 * Bounded properties (issue 16): arbitrary Unicode — controls, escape
 * sequences, bidi overrides, line breaks, workflow commands — in unit names,
 * jurisdictions, titles and texts never gives an output line that a terminal
 * or GitHub Actions would act on, in any report or diagnostics format.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostic.js';
import { diagnosticFormatters } from '../../src/format/diagnostics.js';
import { toJson } from '../../src/format/escape.js';
import { reportChunks, reportFormatters, type Report, type ReportFormat } from '../../src/format/report.js';
import { expectInert, expectInertCsv, expectMarkdownRows } from './check-output.js';

const nasty = fc.constantFrom(
  '\n', '\r', '\r\n', '\t', '\u001b', '\u001b[2J', '\u001b]0;title\u0007', '\u009b', '\u0085', '\u0000', '\u007f',
  '\u202e', '\u202a', '\u2066', '\u2069', '\u200f', '\u061c', '\u2028', '\u2029',
  '::', '::error file=a::b', '\u3000::warning::', '\u00a0::', '\ufeff::', '::add-mask::', '##[', '##[group]', '|', '\\|', '\\', '<', '>', '&', '"', "'",
  '=', '+', '-', '@', ' =', '\t=', '市应急局', '（', '）',
);
const text = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 6 }), nasty), { maxLength: 12 }).map((parts) => parts.join(''));

const report = fc.record({
  titles: fc.array(fc.option(text, { nil: null }), { minLength: 1, maxLength: 3 }),
  labels: fc.array(text, { minLength: 1, maxLength: 5 }),
  cells: fc.array(fc.array(fc.oneof(text, fc.integer(), fc.constant(null), fc.array(text, { maxLength: 3 })), { minLength: 5, maxLength: 5 }), { maxLength: 6 }),
}).map(({ titles, labels, cells }): Report => ({
  sections: titles.map((title) => ({
    title,
    columns: labels.map((label, i) => ({ key: `c${i}`, label, ...(i === 0 ? { sticky: true } : {}), maxWidth: 4 + i * 3 })),
    rows: cells.map((row) => Object.fromEntries(labels.map((_, i) => [`c${i}`, row[i]!]))),
  })),
}));

describe('reports', () => {
  it('no format writes a line a terminal or GitHub would act on; markdown rows keep their columns; no CSV formula', () => {
    fc.assert(
      fc.property(report, fc.integer({ min: 20, max: 200 }), (r, width) => {
        for (const [format, formatter] of Object.entries(reportFormatters)) {
          const out = formatter(r, { color: false, width });
          expectInert(out);
          if (format === 'markdown') expectMarkdownRows(out);
          if (format === 'csv') expectInertCsv(out);
          if (format === 'json') JSON.parse(out);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('written in chunks of any size, each format is the same text; JSON is the report as JSON.stringify writes it', () => {
    fc.assert(
      fc.property(report, fc.integer({ min: 8, max: 120 }), fc.integer({ min: 1, max: 4 }), (r, width, size) => {
        const options = { color: false, width };
        for (const format of Object.keys(reportChunks) as ReportFormat[]) {
          const chunks = [...reportChunks[format](r, options, size)];
          expect(chunks.join('')).toBe(reportFormatters[format](r, options));
        }
        const sections = r.sections.map((s) => ({ title: s.title, columns: s.columns.map((c) => ({ key: c.key, label: c.label })), rows: s.rows }));
        expect(reportFormatters.json(r, options)).toBe(`${toJson(sections)}\n`);
      }),
      { numRuns: 200 },
    );
  });
});

describe('diagnostics', () => {
  const diagnostic = fc.record({
    file: text,
    line: fc.nat({ max: 9999 }),
    column: fc.nat({ max: 999 }),
    rule: fc.oneof(fc.constantFrom('unknown-unit', 'yaml-syntax'), text),
    severity: fc.constantFrom('error', 'warning', 'info'),
    message: text,
    suggestion: fc.option(text, { nil: undefined }),
  }).map((d) => Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) as unknown as Diagnostic);

  it('text, json and github never write a line GitHub would run but the tool\'s own annotations', () => {
    fc.assert(
      fc.property(fc.array(diagnostic, { maxLength: 6 }), (diagnostics) => {
        for (const [format, formatter] of Object.entries(diagnosticFormatters)) {
          const out = formatter(diagnostics, { color: false, summary: true });
          expectInert(out, { annotations: format === 'github' });
          if (format === 'github') for (const line of out.trimEnd().split('\n').filter(Boolean)) if (!/^::(error|warning|notice) /.test(line)) throw new Error(`not an annotation: ${line}`);
          if (format === 'json') JSON.parse(out);
        }
      }),
      { numRuns: 200 },
    );
  });
});
