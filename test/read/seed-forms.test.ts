/**
 * Every seed as it arrives in a clerk's downloads folder — a saved web page, a
 * Word document with automatic numbering, a PDF printed from it — gives the
 * same tasks, units and deadlines as its text, and the page's 索引号 block
 * fills the document fields.
 */
import { readFileSync, readdirSync } from 'node:fs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractNotice } from '../../src/extract/index.js';
import { readInput, type Reading } from '../../src/read/index.js';
import { pdfsOf, seedDocx, seedPage } from './render.js';

const seeds = readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort();
const documents = Object.fromEntries(seeds.map((name) => [name.replace(/\.txt$/, ''), seedDocx(readFileSync(`seeds/${name}`, 'utf8'))]));
// every seed's .docx printed in one LibreOffice run: its start-up is most of the time
let pdfs: Record<string, Uint8Array> = {};
beforeAll(() => {
  pdfs = pdfsOf(Object.fromEntries(Object.entries(documents).map(([stem, d]) => [stem, d.bytes])));
}, 300_000);

async function read(bytes: Uint8Array, file: string): Promise<Reading> {
  const reading = await readInput(bytes, file);
  if ('problem' in reading) throw new Error(reading.problem);
  return reading;
}

function extracted(reading: Pick<Reading, 'text' | 'kind' | 'fields' | 'attachments'>, file: string) {
  return extractNotice({ content: reading.text, path: file, kind: reading.kind === 'markdown' ? 'markdown' : 'text', reader: { kind: reading.kind, ...reading.fields, attachments: reading.attachments } }).registry;
}

const tasksOf = (registry: ReturnType<typeof extracted>) => registry.tasks.map(({ id, lead, support, deadline }) => ({ id, lead, support, deadline }));

describe.each(seeds)('%s', (name) => {
  const seed = readFileSync(`seeds/${name}`, 'utf8');
  const fromText = extracted({ text: seed, kind: 'text', fields: {}, attachments: [] }, name);
  const stem = name.replace(/\.txt$/, '');
  const fields = { title: fromText.document.title ?? '某市安全生产工作要点', issuer: fromText.document.issuer ?? '某市安全生产委员会', number: fromText.document.number ?? '安委发〔2024〕7号', date: fromText.document.date ?? '2024-03-29' };
  const { bytes: docxBytes, automatic } = documents[stem]!;

  it('as a saved web page (GB2312, header, 索引号 block, footer): the same tasks; the block fills title, number and date', async () => {
    const page = iconv.encode(seedPage(seed, fields, 'gb2312'), 'gb18030');
    const reading = await read(page, `${stem}.html`);
    expect(reading.kind).toBe('html');
    expect(reading.encoding).toBe('GB18030');
    expect(reading.text).not.toMatch(/当前位置|互动交流|网站标识码|索\s*引\s*号|主题分类|_hmt|分享到/);
    // the reader finds the block's fields; the registry takes them where the text lacks its own
    expect(reading.fields).toEqual(fields);
    const registry = extracted(reading, `${stem}.html`);
    expect(tasksOf(registry)).toEqual(tasksOf(fromText));
    expect([registry.document.title, registry.document.number, registry.document.date]).toEqual([fields.title, fields.number, fields.date]);
    expect(registry.document.source.kind).toBe('html');
    expect(registry.document.attachments).toEqual([
      { name: '1.任务分工表.xlsx', href: '/files/2024/任务分工表.xlsx' },
      { name: '2.报送表', href: '/files/2024/报送表.docx' },
    ]);
  });

  it('as a .docx whose item numbers are Word automatic numbering: the same tasks', async () => {
    // most item numbers are left to numbering.xml, not written in the text
    expect(automatic).toBeGreaterThan(fromText.tasks.length / 2);
    const reading = await read(docxBytes, `${stem}.docx`);
    expect(reading.kind).toBe('docx');
    expect(tasksOf(extracted(reading, `${stem}.docx`))).toEqual(tasksOf(fromText));
  });

  it('as a PDF printed from that .docx by LibreOffice: the same tasks, without running header or page numbers', async () => {
    const reading = await read(pdfs[stem]!, `${stem}.pdf`);
    expect(reading.kind).toBe('pdf');
    expect(reading.text).not.toMatch(/安全生产委员会文件|— \d+ —/);
    expect(tasksOf(extracted(reading, `${stem}.pdf`))).toEqual(tasksOf(fromText));
    // the running header is line 1 of page 1: the text starts on its line 2
    expect(reading.place({ line: 1, column: 1 })).toBe('PDF 第 1 页第 2 行');
  });
});
