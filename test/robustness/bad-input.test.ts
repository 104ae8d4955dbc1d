/** Whatever a colleague's PC produces, each bad file gets one line naming it and what is wrong; the rest are still read. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MessageId } from '../../src/i18n/index.js';
import { pattern, safetyTasks, zh } from '../helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'safety-tasks-bad-'));
const file = (name: string, content: string | Buffer) => {
  writeFileSync(path.join(dir, name), content);
  return path.join(dir, name);
};
mkdirSync(path.join(dir, 'no-notices'));
mkdirSync(path.join(dir, 'no-notices', '.git'));
writeFileSync(path.join(dir, 'no-notices', '.DS_Store'), '');

const cases: [string, string, RegExp][] = [
  ['a missing path', path.join(dir, 'missing.txt'), /没有这个文件或文件夹/],
  ['a directory of hidden files and folders only', path.join(dir, 'no-notices'), pattern(zh('extract.no-notices'))],
  ['an empty file', file('empty.txt', ''), /文件是空的/],
  ['a file of blank lines', file('blank.txt', '\n\n  \n'), /文件里没有文字/],
  ['a broken PDF', file('notice.pdf.txt', Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj')), /PDF 文件已损坏/],
  ['a broken zip', file('notice.docx.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])), /是压缩包/],
  ['an image', file('scan.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), /是图片（PNG）/],
  ['binary bytes', file('data.txt', Buffer.from([0x01, 0x00, 0x02, 0x00, 0xff])), /NUL 字节/],
  ['bytes in no Chinese encoding', file('latin.txt', Buffer.from([0x41, 0xe9, 0x20, 0xff, 0xfe, 0x41, 0x80, 0x81, 0xfe, 0x20])), /认不出字符编码/],
  ['a 50 MB file', file('huge.txt', Buffer.alloc(50 * 1024 * 1024, '安全生产'.repeat(1))), /远大于任何通知/],
];

const extract = (...args: string[]) => safetyTasks('extract', ...args, '--format', 'json');

describe('bad input', () => {
  it.each(cases)('%s: one line naming it, exit 2, and the good notice is still read', (_name, given, problem) => {
    const result = extract(given, 'seeds/003_c1536b6ac6ba3ddc.txt');
    expect(result.status).toBe(2);
    const lines = result.stderr.trim().split('\n').filter((l) => /unreadable-input|unsupported-input/.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(given.split(path.sep).join('/'));
    expect(lines[0]).toMatch(problem);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    // one file in gives a registry, two give a list: either way the good notice is there
    const out = [JSON.parse(result.stdout)].flat() as { document: { id: string } }[];
    expect(out.map((r) => r.document.id)).toEqual(['003_c1536b6ac6ba3ddc']);
  });

  it('a file with no numbered items: problems found (exit 1), said in one line, and no registry for it', () => {
    const plain = file('letter.txt', '各位同事：\n请于周五前提交周报。\n谢谢。\n');
    const result = extract(plain);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe(`${plain.split(path.sep).join('/')}:1:1  错误  ${zh('extract.no-tasks')}  no-tasks`);
    expect(result.stdout).toBe('');
  });

  it('never overwrites a registry it did not write without --update or --force, and writes atomically', () => {
    const out = path.join(dir, 'registries');
    mkdirSync(out, { recursive: true });
    const target = path.join(out, '003_c1536b6ac6ba3ddc.yaml');
    writeFileSync(target, '# 手工台账\nversion: 1\n');
    const result = safetyTasks('extract', 'seeds/003_c1536b6ac6ba3ddc.txt', '--out', out);
    expect(result.status).toBe(2);
    expect(readFileSync(target, 'utf8')).toBe('# 手工台账\nversion: 1\n');
    expect(safetyTasks('extract', 'seeds/003_c1536b6ac6ba3ddc.txt', '--out', out, '--force').status).toBe(0);
    expect(readFileSync(target, 'utf8')).toContain('id: 003_c1536b6ac6ba3ddc');
  });
});

describe("no Node error text reaches the user", () => {
  const place = mkdtempSync(path.join(tmpdir(), 'safety-tasks-io-'));
  mkdirSync(path.join(place, 'folder.yaml'));
  mkdirSync(path.join(place, 'registries'));
  mkdirSync(path.join(place, 'registries', 'x.yaml'));
  writeFileSync(path.join(place, 'a-file'), '');
  const cases: [string, string[], MessageId][] = [
    ['status of a folder', ['status', path.join(place, 'folder.yaml'), '1.1', 'done'], 'io.EISDIR'],
    ['validate of a folder named .yaml', ['validate', path.join(place, 'registries')], 'io.EISDIR'],
    ['a report of a folder named .yaml', ['overdue', path.join(place, 'registries')], 'io.EISDIR'],
    ['extract --out onto a file', ['extract', 'seeds/003_c1536b6ac6ba3ddc.txt', '--out', path.join(place, 'a-file')], 'io.EEXIST'],
    ['--units that is not there', ['validate', 'test/fixtures/validate/clean.yaml', '--units', path.join(place, 'none.yaml')], 'io.ENOENT'],
    ['--units of a report that is not there', ['units', 'test/fixtures/validate/clean.yaml', '--units', path.join(place, 'none')], 'io.ENOENT'],
    ['status --by with --units that is not there', ['status', 'test/fixtures/validate/clean.yaml', '1.1', 'open', '--note', 'x', '--by', '市应急局', '--units', path.join(place, 'none')], 'io.ENOENT'],
  ];
  it.each(cases)('%s', (_name, args, id) => {
    const result = safetyTasks(...args);
    expect(result.status).toBe(2);
    const said = result.stdout + result.stderr;
    expect(said).toContain(zh(id));
    expect(said).not.toMatch(/\bE[A-Z]{3,}\b|illegal operation|no such file or directory|\n\s+at /);
  });
});
