/** Registries edited by hand and by merge tools: diagnostics, never a crash, never a polluted prototype. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { directoryFor } from '../../src/units/directory.js';
import { loadUnitsDirectories } from '../../src/units/load.js';
import { safetyTasks } from '../helpers.js';
import { validateRegistryText } from '../../src/validate/index.js';

const directories = await loadUnitsDirectories();
const clean = readFileSync('test/fixtures/validate/clean.yaml', 'utf8');
const check = (text: string) =>
  validateRegistryText(text, { file: 'r.yaml', units: (j) => directoryFor(directories, j, false), today: '2026-11-27' }).map(
    (d) => `${d.rule}@${d.line}:${d.column}`,
  );

describe('hostile registries', () => {
  it('reports a merge conflict left in the file as merge-conflict, at the lines of its markers, and nothing else', () => {
    const at = clean.split('\n').indexOf('    status: open') + 1;
    const conflicted = clean.replace('    status: open\n', '<<<<<<< HEAD\n    status: done\n=======\n    status: open\n>>>>>>> theirs\n');
    expect(check(conflicted)).toEqual([`merge-conflict@${at}:1`, `merge-conflict@${at + 2}:1`, `merge-conflict@${at + 4}:1`]);
    // diff3 style, with CRLF line ends
    const diff3 = clean.replace('    status: open\n', '<<<<<<< ours\n    status: done\n||||||| base\n    status: open\n=======\n    status: dropped\n>>>>>>> theirs\n').replace(/\n/g, '\r\n');
    expect(check(diff3)).toEqual([0, 2, 4, 6].map((k) => `merge-conflict@${at + k}:1`));
    // a line of seven = in a text is no conflict when nothing opens one
    expect(check(clean.replace('    status: open\n', '    status: open\n    # =======\n'))).toEqual([]);
  });

  it('stops an alias bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefghij'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(', ')}]`), 'version: 1'].join('\n');
    const problems = check(bomb);
    expect(problems).toEqual(['yaml-syntax@1:1']);
  });

  it('reports __proto__ and constructor keys without polluting any prototype', () => {
    const hostile = clean.replace('version: 1\n', 'version: 1\n__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\n');
    expect(check(hostile)).toEqual(['unknown-key@3:1', 'unknown-key@4:1']);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('reports a key given twice', () => {
    expect(check(clean.replace('    line: 1\n', '    line: 1\n    line: 2\n'))).toEqual(['yaml-syntax@24:5']);
  });

  it('reports a number where a date belongs', () => {
    expect(check(clean.replace('deadline: 2024-12-31', 'deadline: 20241231'))).toEqual(['wrong-type@21:15']);
  });

  it('checks a registry of 10,000 tasks', () => {
    const task = (i: number) => `  - id: "${i}"\n    text: 任务${i}\n    lead: [市应急局]\n    support: []\n    deadline: null\n    status: open\n    line: ${i}\n`;
    const big = `${clean.slice(0, clean.indexOf('tasks:'))}tasks:\n${Array.from({ length: 10_000 }, (_, i) => task(i + 1)).join('')}`;
    expect(check(big)).toEqual([]);
  });

  it('validate reads every file even when one is not YAML at all', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'safety-tasks-'));
    writeFileSync(path.join(dir, 'a.yaml'), Buffer.from([0x00, 0xff, 0xfe, 0x00, 0x1b, 0x5b]));
    writeFileSync(path.join(dir, 'b.yaml'), clean);
    const result = safetyTasks('validate', dir, '--units', 'units/weihai.yaml');
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/a\.yaml:1:\d+  错误/);
    expect(result.stdout).not.toMatch(/\u001b/);
    expect(result.stdout).not.toMatch(/b\.yaml/);
  });
});
