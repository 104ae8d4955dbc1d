/**
 * Property tests: extraction and validation never throw, on arbitrary text and
 * on seeds damaged the way scraping and copying damage them; every registry is
 * well formed, every task's line lies within its file, and ids are unique.
 */
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractNotice } from '../../src/extract/index.js';
import { validateRegistryText } from '../../src/validate/index.js';
import { registryToYaml } from '../../src/registry/serialize.js';
import { acceptanceNotice, HOSTILE_SHAPES, MAX_NOTICE_BYTES } from '../../scripts/hostile.js';

const seeds = readdirSync('seeds').map((f) => readFileSync(`seeds/${f}`, 'utf8'));

function wellFormed(content: string) {
  const { registry } = extractNotice({ content, path: 'notice.txt', kind: 'text' });
  const lines = content.replace(/\r\n?/g, '\n').split('\n').length;
  const ids = registry.tasks.map((t) => t.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const task of registry.tasks) {
    expect(task.line).toBeGreaterThanOrEqual(1);
    expect(task.line).toBeLessThanOrEqual(lines);
    expect(typeof task.text).toBe('string');
    expect(task.deadline === null || /^\d{4}-\d{2}-\d{2}$/.test(task.deadline)).toBe(true);
  }
  // what extract writes, validate reads without a schema error
  const problems = validateRegistryText(registryToYaml(registry, null), { file: 'r.yaml', units: () => null, today: '2026-11-27' });
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
}

/** Ways scraping damages a notice: a cut, a splice of two places, a page break, punctuation of the other width. */
const damage = fc.oneof(
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), from: fc.nat(), length: fc.nat({ max: 400 }) }),
  fc.record({ kind: fc.constant('page-break' as const), at: fc.nat(), page: fc.nat({ max: 99 }) }),
  fc.record({ kind: fc.constant('widths' as const), seed: fc.nat() }),
);
type Damage = typeof damage extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, d: Damage): string {
  const at = 'at' in d ? d.at % (text.length + 1) : 0;
  switch (d.kind) {
    case 'cut':
      return text.slice(0, at) + text.slice(at + d.length);
    case 'splice': {
      const from = d.from % (text.length + 1);
      return text.slice(0, at) + text.slice(from, from + d.length) + text.slice(at);
    }
    case 'page-break':
      return `${text.slice(0, at)}\n\n- ${d.page} -\n\n${text.slice(at)}`;
    case 'widths': {
      const swap: Record<string, string> = { '（': '(', '）': ')', '，': ',', '(': '（', ')': '）', ',': '，', '．': '.', '.': '．', '：': ':', ':': '：' };
      let i = d.seed;
      return text.replace(/[（）(),，．.:：]/g, (c) => ((i = (i * 1103515245 + 12345) & 0x7fffffff) % 2 ? swap[c]! : c));
    }
  }
}

describe('extract', () => {
  it('never throws and gives well-formed registries on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => wellFormed(text)), { numRuns: 200 });
  });

  it('never throws on notice-like text', () => {
    const pieces = fc.constantFrom('一、', '（一）', '(二)', '1.', '2、', '１２．', '（1）', '①', '第一章 ', '市应急局牵头', '，', '。', '（', '）', '\n', '\n\n', '负责', '2024年底前', '|', '\t', '附件', '每季度', '关于印发《方案》的通知');
    fc.assert(fc.property(fc.array(pieces, { maxLength: 80 }), (parts) => wellFormed(parts.join(''))), { numRuns: 300 });
  });

  it('never throws on seeds with cuts, splices, page breaks and punctuation of the other width', () => {
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(damage, { minLength: 1, maxLength: 4 }), (seed, damages) => {
        wellFormed(damages.reduce(apply, seeds[seed]!));
      }),
      { numRuns: 60 },
    );
  });
});

/**
 * Issue 17: the shapes that made a super-linear extractor hang (long runs of
 * spaces, leaders, 、, brackets, digits; a run-on line; repeated lines; a huge
 * heading), at 8× the size that was slow, or the 10 MB limit. A linear
 * extractor meets these bounds many times over; a quadratic one takes minutes.
 */
describe('extract on hostile inputs', () => {
  const names = Object.keys(HOSTILE_SHAPES) as (keyof typeof HOSTILE_SHAPES)[];
  it.each(names)('%s: within its time bound, a registry a few times the notice at most', (name) => {
    const content = acceptanceNotice(name);
    const bytes = Buffer.byteLength(content);
    // under a megabyte: 2 s; up to the 10 MB limit: 5 s
    const bound = bytes < 1024 * 1024 ? 2000 : 5000;
    expect(bytes).toBeLessThanOrEqual(MAX_NOTICE_BYTES);
    const started = performance.now();
    const { registry } = extractNotice({ content, path: 'notice.txt', kind: 'text' });
    const took = performance.now() - started;
    expect(took).toBeLessThan(bound);
    expect(Buffer.byteLength(registryToYaml(registry, null))).toBeLessThan(3 * bytes + 4096);
  }, 30_000);

  it('a huge heading is stored cut, not repeated whole by every task', () => {
    const { registry } = extractNotice({ content: HOSTILE_SHAPES['huge heading'](100_000), path: 'notice.txt', kind: 'text' });
    expect(registry.tasks).toHaveLength(40);
    for (const task of registry.tasks) {
      expect(task.section).toHaveLength(1);
      expect(task.section![0]!.length).toBe(2 + 200 + 1);
      expect(task.section![0]!.endsWith('…')).toBe(true);
    }
  });

  it('stays well formed on generated runs of hostile characters', () => {
    const run = fc.record({ char: fc.constantFrom(' ', '\u3000', '.', '…', '·', '-', '、', '（', '）', '(', ')', '1', '|', '*', '_', '#', '\n'), length: fc.nat({ max: 3000 }) });
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(fc.record({ at: fc.nat(), run }), { minLength: 1, maxLength: 4 }), (seed, runs) => {
        const content = runs.reduce((text, { at, run: { char, length } }) => {
          const i = at % (text.length + 1);
          return text.slice(0, i) + char.repeat(length) + text.slice(i);
        }, seeds[seed]!);
        const started = performance.now();
        wellFormed(content);
        expect(performance.now() - started).toBeLessThan(2000);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

describe('validate', () => {
  it('never throws on arbitrary YAML-like text', () => {
    const yamlish = fc.array(fc.constantFrom('tasks:', '  - id: "1"', 'version: 1', '&a', '*a', ': ', '- ', '{', '}', '[', ']', '"', "'", '\n', '  ', '#', '<<: *a', 'deadline: 2024-02-30', 'status: done', '__proto__: 1', '!!binary', '%YAML 1.2', '---', '...'));
    fc.assert(
      fc.property(yamlish, (parts) => {
        validateRegistryText(parts.join(''), { file: 'r.yaml', units: () => null, today: '2026-11-27' });
      }),
      { numRuns: 300 },
    );
  });
});
