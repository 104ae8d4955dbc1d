/**
 * Notices beyond the seeds, each with a hand-made answer key in the format of
 * ../shared/gold (test/fixtures/notices/<name>.yaml): every task the key names
 * must come out with its id, its opening words, its units in their roles and
 * its deadline; no other task may come out.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { extractNotice } from '../src/extract/index.js';
import type { Task } from '../src/registry/types.js';

interface KeyTask {
  id: string;
  starts: string;
  lead?: string[];
  support?: string[];
  deadline?: string | null;
  optional?: boolean;
}
interface AnswerKey {
  file: string;
  document: Record<string, string | null>;
  aliases?: string[][];
  tasks: KeyTask[];
}

const folder = 'test/fixtures/notices';
const keys = readdirSync(folder).filter((f) => f.endsWith('.yaml')).sort();
const squeeze = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');

describe.each(keys)('%s', (keyFile) => {
  const key = parse(readFileSync(`${folder}/${keyFile}`, 'utf8')) as AnswerKey;
  const content = readFileSync(`${folder}/${key.file}`, 'utf8');
  const { registry } = extractNotice({ content, path: key.file, kind: key.file.endsWith('.md') ? 'markdown' : 'text' });
  const byId = new Map(registry.tasks.map((t) => [t.id, t]));
  const canonical = new Map((key.aliases ?? []).flatMap((group) => group.map((name) => [name, group[0]!] as const)));
  const roles = (lead: string[] = [], support: string[] = []) =>
    [...lead.map((u) => `lead ${canonical.get(u) ?? u}`), ...support.map((u) => `support ${canonical.get(u) ?? u}`)].sort();

  it('reads the document metadata', () => {
    for (const field of ['title', 'issuer', 'number', 'date'] as const) {
      if (field in key.document) expect(squeeze(registry.document[field]), field).toBe(squeeze(key.document[field] === null ? null : String(key.document[field])));
    }
  });

  it('finds every task of the key, and no other', () => {
    const required = key.tasks.filter((t) => !t.optional).map((t) => t.id);
    const allowed = new Set(key.tasks.map((t) => t.id));
    expect(required.filter((id) => !byId.has(id))).toEqual([]);
    expect(registry.tasks.map((t) => t.id).filter((id) => !allowed.has(id))).toEqual([]);
  });

  it.each(key.tasks.filter((t) => !t.optional).map((t) => [t.id, t] as const))('task %s', (_id, expected) => {
    const task = byId.get(expected.id) as Task;
    expect(squeeze(task.text).slice(0, 60)).toContain(squeeze(expected.starts).slice(0, 10));
    expect(roles(task.lead, task.support)).toEqual(roles(expected.lead, expected.support));
    expect(task.deadline).toBe(expected.deadline === null || expected.deadline === undefined ? null : String(expected.deadline));
  });
});
