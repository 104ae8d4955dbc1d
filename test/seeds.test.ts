/**
 * One fixture test per seed: the notice's text in, the exact registry out
 * (test/fixtures/seeds/<name>.yaml, reviewed by hand, unit names made
 * canonical by the shipped units/), and that registry valid against
 * schemas/registry.schema.json.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../src/calendar.js';
import { decodeNotice } from '../src/read/decode.js';
import { extractNotice } from '../src/extract/index.js';
import { registryToYaml } from '../src/registry/serialize.js';
import { directoryFor } from '../src/units/directory.js';
import { loadUnitsDirectories } from '../src/units/load.js';

const seeds = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort();
const schema = JSON.parse(readFileSync('schemas/registry.schema.json', 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addFormat('date', (s: string) => isoDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))) === s);
const validateRegistry = ajv.compile(schema);
const directories = await loadUnitsDirectories();
const units = (jurisdiction: string | null) => directoryFor(directories, jurisdiction, false);

describe.each(seeds)('seed %s', (name) => {
  const bytes = readFileSync(`seeds/${name}`);
  const decoded = decodeNotice(bytes);
  if (!('text' in decoded)) throw new Error(decoded.problem);
  const { registry } = extractNotice({ content: decoded.text, path: `seeds/${name}`, kind: 'text', bytes, units, encoding: decoded.encoding });

  it('gives the reviewed registry, byte for byte', () => {
    const expected = readFileSync(`test/fixtures/seeds/${name.replace(/\.txt$/, '.yaml')}`, 'utf8');
    expect(registryToYaml(registry, 'schemas/registry.schema.json')).toBe(expected);
  });

  it('gives a registry the schema accepts', () => {
    const valid = validateRegistry(JSON.parse(JSON.stringify(registry)));
    expect(validateRegistry.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('places every task on a line of the notice, with a unique id', () => {
    const lines = bytes.toString('utf8').split('\n').length;
    for (const task of registry.tasks) {
      expect(task.line).toBeGreaterThanOrEqual(1);
      expect(task.line).toBeLessThanOrEqual(lines);
    }
    expect(new Set(registry.tasks.map((t) => t.id)).size).toBe(registry.tasks.length);
  });

  it('grounds every task: each span of the decoded notice reads as the registry says', () => {
    const compact = (t: string) => t.replace(/\s+/g, '');
    const at = (span: [number, number]) => compact(decoded.text.slice(span[0], span[1]));
    for (const task of registry.tasks) {
      expect(task.spans, task.id).toBeDefined();
      const spans = task.spans!;
      expect(at(spans.text).startsWith(compact(task.text).slice(0, 12)), task.id).toBe(true);
      if (task.deadline_text) expect(at(spans.deadline!), task.id).toBe(compact(task.deadline_text));
      const named = spans.units ?? [];
      // every unit the task names is found as printed, with its role (the registry holds canonical names)
      expect(named.length, task.id).toBe(task.lead.length + task.support.length);
      for (const unit of named) expect(at(unit.span), task.id).toBe(compact(unit.name));
      expect(task.form !== undefined, task.id).toBe(named.length > 0);
    }
  });
});
