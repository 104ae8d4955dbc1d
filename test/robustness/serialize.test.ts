/**
 * The registry writer lays out maps and lists itself (issue 17) and leaves
 * scalars to the yaml package: its text must be the package's own Document
 * rendering, byte for byte, for any registry.
 */
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractNotice } from '../../src/extract/index.js';
import { documentYaml, registryToYaml } from '../../src/registry/serialize.js';

// strings of every kind YAML treats specially: indicators, numbers, booleans, quotes, controls, markers, wide and astral characters
const special = fc.constantFrom('', ' ', '-', '?', ':', '#', '1.1', '007', '0x1F', '1e3', '.inf', 'null', '~', 'True', 'no', "it's", '"q"', `'"`, '---', '...', '%', 'a: b', 'a #b', 'a:', ' a', 'a ', '\t', '\n', 'a\nb', 'a\n\nb', '\r', '\u0000', '\u0085', '\u2028', '\ufeff', '\ud800', '😀', '[', ']', '{', '}', ',', '&a', '*a', '!t', '|', '>', '@', '`', '市应急局', '（牵头）');
const text = fc.oneof(special, fc.string({ unit: 'grapheme', maxLength: 8 }), fc.array(special, { maxLength: 4 }).map((parts) => parts.join('')), fc.string({ unit: 'binary', maxLength: 6 }));
const scalar = fc.oneof(text, fc.constant(null), fc.integer({ min: -5, max: 100000 }), fc.boolean(), fc.double({ noNaN: false }));
const span = fc.tuple(fc.nat(), fc.nat());
const task = fc.record(
  {
    id: text,
    section: fc.array(text, { maxLength: 3 }),
    title: fc.oneof(text, fc.constant(null)),
    lead: fc.array(text, { maxLength: 3 }),
    recurrence: fc.array(fc.record({ text, interval: fc.oneof(text, fc.constant(null)) }), { maxLength: 2 }),
    line: scalar,
    progress: fc.array(fc.record({ date: text, note: text }, { requiredKeys: ['date'] }), { maxLength: 2 }),
    spans: fc.record({ text: span, units: fc.array(fc.record({ name: text, role: text, span }), { maxLength: 3 }) }, { requiredKeys: [] }),
    extra: fc.dictionary(fc.oneof(fc.constantFrom('a', 'sha256', 'null', 'true', 'x y', '1'), text), scalar, { maxKeys: 2 }),
  },
  { requiredKeys: ['id'] },
);
const registry = fc.record({ version: fc.constant(1), document: fc.record({ id: text, title: fc.oneof(text, fc.constant(null)), period: fc.oneof(fc.constant(null), fc.record({ from: text, to: text })) }), tasks: fc.array(task, { maxLength: 4 }) });

describe('registry writer', () => {
  it('writes what the yaml package writes, for any registry and any list of them', () => {
    fc.assert(
      fc.property(registry, fc.boolean(), (value, asList) => {
        const input = asList ? [value, value] : value;
        const written = registryToYaml(input as never, null);
        expect(written).toBe(documentYaml(input));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes the seeds’ registries as the yaml package does', () => {
    for (const file of readdirSync('seeds')) {
      const { registry: extracted } = extractNotice({ content: readFileSync(`seeds/${file}`, 'utf8'), path: file, kind: 'text' });
      expect(registryToYaml(extracted, null)).toBe(documentYaml(extracted));
    }
  });
});
