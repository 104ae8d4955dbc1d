/** Every seed, re-encoded and re-lined as government PCs and websites produce it, gives the same tasks. */
import { readFileSync, readdirSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeNotice } from '../../src/read/decode.js';
import { extractNotice } from '../../src/extract/index.js';

const seeds = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort();

function tasksOf(bytes: Uint8Array) {
  const decoded = decodeNotice(bytes);
  if (!('text' in decoded)) throw new Error(decoded.problem);
  const { registry } = extractNotice({ content: decoded.text, path: 'notice.txt', kind: 'text', bytes });
  return { encoding: decoded.encoding, tasks: registry.tasks.map(({ id, text, lead, support, deadline }) => ({ id, text, lead, support, deadline })) };
}

const utf16be = (text: string) => {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
};

describe.each(seeds)('%s', (name) => {
  const text = readFileSync(`seeds/${name}`, 'utf8');
  const original = tasksOf(Buffer.from(text, 'utf8'));

  it.each([
    ['GB18030', () => iconv.encode(text, 'gb18030'), 'GB18030'],
    ['GBK', () => iconv.encode(text, 'gbk'), 'GB18030'],
    ['UTF-16LE with a byte-order mark', () => Buffer.from(`\ufeff${text}`, 'utf16le'), 'UTF-16LE'],
    ['UTF-16BE with a byte-order mark', () => utf16be(text), 'UTF-16BE'],
    ['UTF-8 with a byte-order mark', () => Buffer.from(`\ufeff${text}`, 'utf8'), 'UTF-8'],
    ['CRLF line ends', () => Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8'), 'UTF-8'],
    ['CR line ends', () => Buffer.from(text.replace(/\n/g, '\r'), 'utf8'), 'UTF-8'],
  ])('as %s gives the same tasks', (_form, encode, encoding) => {
    const read = tasksOf(encode());
    expect(read.encoding).toBe(encoding);
    expect(read.tasks).toEqual(original.tasks);
  });
});

describe('text forms', () => {
  const notice = [
    '荣成市2025年安全生产工作要点',
    '一、压实责任',
    '１．落实安全生产责任制。６月底前修订责任清单。（市应急局牵头，市公安局配合）',
    '(２)\u00a0强化考核巡查。年底前完成考核。（市安委会办公室负责）',
  ].join('\n');

  it('reads full-width digits, brackets and colons, and non-breaking and ideographic spaces', () => {
    const forms = notice.replace('(２)\u00a0', '２．\u3000');
    const { tasks } = tasksOf(Buffer.from(forms, 'utf8'));
    expect(tasks.map((t) => [t.id, t.lead, t.support, t.deadline])).toEqual([
      ['1.1', ['市应急局'], ['市公安局'], '2025-06-30'],
      ['1.2', ['市安委会办公室'], [], '2025-12-31'],
    ]);
  });

  it('drops zero-width characters and terminal escape sequences', () => {
    const hostile = notice.replace('(２)\u00a0', '２．').replace('落实', '落\u200b实').replace('强化', '\u001b[31m强化\u001b[0m');
    const { tasks } = tasksOf(Buffer.from(hostile, 'utf8'));
    expect(tasks[0]!.text).toContain('落实安全生产责任制');
    expect(tasks.every((t) => !/[\u001b\u200b]/.test(t.text))).toBe(true);
  });
});
