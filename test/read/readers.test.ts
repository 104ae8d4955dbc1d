import { createRequire } from 'node:module';
/** Each reader on the forms notices take: entities, legacy encodings, traditional characters, task tables in Word and Excel, scans, and files it must refuse. */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js/cn2t';
import { describe, expect, it } from 'vitest';
import { extractNotice } from '../../src/extract/index.js';
import { readInput, type Reading } from '../../src/read/index.js';
import { docx, type Cell } from './render.js';

async function read(bytes: Uint8Array, file: string): Promise<Reading> {
  const reading = await readInput(bytes, file);
  if ('problem' in reading) throw new Error(reading.problem);
  return reading;
}
const extracted = (reading: Reading, file = 'notice') =>
  extractNotice({ content: reading.text, path: file, kind: 'text', reader: { kind: reading.kind, ...reading.fields, attachments: reading.attachments, ...(reading.savedOn ? { savedOn: reading.savedOn } : {}) } }).registry;
const tasksOf = (content: string) => extractNotice({ content, path: 'notice.txt', kind: 'text' }).registry.tasks.map(({ id, lead, support, deadline }) => ({ id, lead, support, deadline }));
const brief = (registry: ReturnType<typeof extracted>) => registry.tasks.map(({ id, lead, support, deadline }) => ({ id, lead, support, deadline }));

const NOTICE = [
  '荣成市2025年安全生产工作要点',
  '一、压实安全生产责任',
  '1.落实“党政同责、一岗双责”。6月底前修订责任清单。（市应急局牵头，市公安局、市住房城乡建设局配合）',
  '2.强化考核巡查。年底前完成考核。（市安委会办公室负责）',
  '二、深化隐患排查整治',
  '3.开展燃气安全专项整治。9月底前完成排查。（市住房城乡建设局牵头，市市场监管局配合）',
].join('\n');

describe('web pages', () => {
  it('decodes character references: &nbsp; &ldquo; in a page and in scraped text stay out of unit names', async () => {
    const withEntities = NOTICE.replace(/“/g, '&ldquo;').replace(/”/g, '&rdquo;').replace('市公安局、', '市公安局&nbsp;、&nbsp;').replace('市市场监管局', '市市场&#x76D1;管局&nbsp;').replace(/^(?=\d)/gm, '&nbsp;&nbsp;');
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${withEntities.split('\n').map((l) => `<p>${l}</p>`).join('')}</body></html>`;
    const fromPage = await read(Buffer.from(page), 'page.html');
    expect(fromPage.text).toContain('“党政同责、一岗双责”');
    const text = await read(Buffer.from(withEntities), 'scraped.txt');
    expect(text.kind).toBe('text');
    expect(text.text).toContain('“党政同责');
    for (const reading of [fromPage, text]) {
      const tasks = brief(extracted(reading));
      expect(tasks).toEqual(tasksOf(NOTICE));
      expect(tasks.flatMap((t) => [...t.lead, ...t.support]).join('')).not.toMatch(/nbsp|&|\u00a0/);
    }
  });

  it('reads a GB2312 page by its <meta charset>, and one without a charset by its bytes', async () => {
    const page = (meta: string) => iconv.encode(`<html><head>${meta}<title>通知</title></head><body><div>${NOTICE.split('\n').map((l) => `<p>${l}</p>`).join('')}</div></body></html>`, 'gb2312');
    const labelled = await read(page('<meta charset="gb2312">'), 'a.htm');
    expect(labelled.encoding).toBe('GB18030');
    const bare = await read(page(''), 'b.htm');
    expect(bare.encoding).toBe('GB18030');
    expect(brief(extracted(labelled))).toEqual(tasksOf(NOTICE));
    expect(brief(extracted(bare))).toEqual(tasksOf(NOTICE));
  });

  it('reads a page saved in traditional characters (Big5): the same tasks, names as printed', async () => {
    const traditional = OpenCC.Converter({ from: 'cn', to: 'tw' })(NOTICE);
    expect(traditional).toContain('壓實安全生產責任');
    const page = iconv.encode(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head><body>${traditional.split('\n').map((l: string) => `<p>${l}</p>`).join('')}</body></html>`, 'big5');
    const reading = await read(page, 'fanti.html');
    expect(reading.text).toContain('一、壓實安全生產責任');
    // the extractor folds traditional characters when it matches and quotes names as printed
    const simplified = (createRequire(import.meta.url)('opencc-js/t2cn') as typeof OpenCC).Converter({ from: 'tw', to: 'cn' });
    const asRead = brief(extracted(reading)).map((t: Record<string, unknown>) => JSON.parse(simplified(JSON.stringify(t))));
    expect(asRead).toEqual(tasksOf(NOTICE));
  });

  it('leaves navigation and footers out, and a rowspan cell fills each row it spans', async () => {
    const page = `<html><body><nav>首页 政务公开</nav><div class="main"><h1>任务分工</h1>
      <table><tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>完成时限</th></tr>
      <tr><td>1</td><td>开展燃气安全检查</td><td rowspan="2">市住房城乡建设局</td><td>2025年6月30日</td></tr>
      <tr><td>2</td><td>整治瓶装液化气</td><td>2025年9月30日</td></tr></table></div><footer>版权所有</footer></body></html>`;
    const reading = await read(Buffer.from(page), 'table.html');
    expect(reading.text).toBe('任务分工\n| 序号 | 工作任务 | 牵头单位 | 完成时限 |\n| 1 | 开展燃气安全检查 | 市住房城乡建设局 | 2025年6月30日 |\n| 2 | 整治瓶装液化气 | 市住房城乡建设局 | 2025年9月30日 |\n');
  });
});

describe('Word task tables', () => {
  it('a 牵头单位 cell merged down several rows applies to every row it spans', async () => {
    const seed = tasksOf(readFileSync('seeds/000_057774623b698b6c.txt', 'utf8'));
    const texts = extractNotice({ content: readFileSync('seeds/000_057774623b698b6c.txt', 'utf8'), path: 'x', kind: 'text' }).registry.tasks;
    const header = ['序号', '工作任务', '牵头单位', '配合单位', '完成时限'];
    const rows = texts.map((t, i) => [String(i + 1), t.text.replace(/[|｜]/g, '／'), t.lead.join('、'), t.support.join('、'), t.deadline_text ?? '']);
    let merged = 0;
    const cells: Cell[][] = rows.map((row, i) => {
      const same = (j: number) => rows[j] !== undefined && rows[j]![2] === row[2];
      if (same(i - 1)) merged++;
      return row.map((c, k) => (k === 2 && (same(i - 1) || same(i + 1)) ? { text: c, merge: same(i - 1) ? 'continue' : 'restart' } : c));
    });
    expect(merged).toBeGreaterThan(0);
    const reading = await read(docx([{ text: '重点任务分工表' }, { rows: [header, ...cells] }]), 'table.docx');
    const asText = ['重点任务分工表', ...[header, ...rows].map((r) => `| ${r.join(' | ')} |`)].join('\n');
    expect(reading.text.trim()).toBe(asText);
    const tasks = brief(extracted(reading));
    expect(tasks.map((t) => [t.lead, t.support])).toEqual(seed.map((t) => [t.lead, t.support]));
  });
});

describe('workbooks and CSV', () => {
  async function workbook() {
    const book = new ExcelJS.Workbook();
    book.modified = new Date(Date.UTC(2024, 9, 15));
    const sheet = book.addWorksheet('任务表');
    sheet.addRow(['2024年安全生产重点工作任务分工及进展情况']);
    sheet.mergeCells('A1:F1');
    sheet.addRow(['序号', '重点任务', '牵头单位', '配合单位', '完成时限', '进展情况']);
    sheet.addRow([1, '组织开展安全生产月活动', '市应急局', '市委宣传部', new Date(Date.UTC(2024, 5, 30)), '已完成。组织宣传活动12场']);
    sheet.addRow([2, '开展危险化学品\n安全专项整治', null, '市工业和信息化局、市公安局', new Date(Date.UTC(2024, 11, 31)), '推进中，已排查企业120家']);
    sheet.mergeCells('C3:C4');
    sheet.addRow([3, '建设城市生命线安全工程', '市住房城乡建设局', '', '2024年12月底前', '未启动']);
    sheet.addRow([4, '修订安全生产责任清单', '市安委会办公室', '', '2024年9月底前', '完成']);
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  it('an .xlsx task table: merged cells, dates, and 进展情况 as progress and status', async () => {
    const reading = await read(await workbook(), '任务分工表.xlsx');
    expect(reading.kind).toBe('xlsx');
    expect(reading.savedOn).toBe('2024-10-15');
    const registry = extracted(reading);
    expect(registry.tasks.map(({ id, lead, support, deadline, status, done_on, progress }) => ({ id, lead, support, deadline, status, done_on, progress }))).toEqual([
      { id: '1', lead: ['市应急局'], support: ['市委宣传部'], deadline: '2024-06-30', status: 'done', done_on: '2024-10-15', progress: [{ date: '2024-10-15', note: '已完成。组织宣传活动12场' }] },
      { id: '2', lead: ['市应急局'], support: ['市工业和信息化局', '市公安局'], deadline: '2024-12-31', status: 'in_progress', done_on: undefined, progress: [{ date: '2024-10-15', note: '推进中，已排查企业120家' }] },
      { id: '3', lead: ['市住房城乡建设局'], support: [], deadline: '2024-12-31', status: 'open', done_on: undefined, progress: [{ date: '2024-10-15', note: '未启动' }] },
      { id: '4', lead: ['市安委会办公室'], support: [], deadline: '2024-09-30', status: 'done', done_on: '2024-10-15', progress: [{ date: '2024-10-15', note: '完成' }] },
    ]);
    expect(registry.document.source.kind).toBe('xlsx');
    // a diagnostic on the table names the cell
    const line = reading.text.split('\n').findIndex((l) => l.includes('城市生命线')) + 1;
    expect(reading.place({ line, column: reading.text.split('\n')[line - 1]!.indexOf('市住房') + 1 })).toBe('工作表“任务表”C5 单元格');
  });

  it('a .csv task table in GBK, as Excel saves one', async () => {
    const csv = '序号,重点任务,牵头单位,配合单位,完成时限,进展情况\r\n1,"组织开展安全生产月活动",市应急局,市委宣传部,2024年6月30日,进行中\r\n';
    const reading = await read(iconv.encode(csv, 'gbk'), '分工.csv');
    expect([reading.kind, reading.encoding]).toEqual(['csv', 'GB18030']);
    const [task] = extractNotice({ content: reading.text, path: '分工.csv', kind: 'text', reader: { kind: 'csv', savedOn: '2024-07-01' } }).registry.tasks;
    expect([task!.lead, task!.deadline, task!.status, task!.progress]).toEqual([['市应急局'], '2024-06-30', 'in_progress', [{ date: '2024-07-01', note: '进行中' }]]);
  });
});

describe('what is refused, and how to convert it', () => {
  /** A PDF of one page and no text, as a scanner makes (without the image). */
  function scannedPdf(): Buffer {
    const objects = ['<</Type/Catalog/Pages 2 0 R>>', '<</Type/Pages/Kids[3 0 R]/Count 1>>', '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>'];
    let pdf = '%PDF-1.4\n';
    const offsets = objects.map((body, i) => {
      const at = pdf.length;
      pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
      return at;
    });
    const xref = pdf.length;
    pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
    return Buffer.from(pdf, 'latin1');
  }
  const ole = (stream: string) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from(stream, 'utf16le'), Buffer.alloc(64)]);

  it.each([
    ['a scanned PDF', scannedPdf(), '扫描.pdf', 'unreadable-input', /扫描件/, 'ocrmypdf -l chi_sim 扫描.pdf 扫描-ocr.pdf'],
    ['an old Word file', ole('WordDocument'), '方案.doc', 'unsupported-input', /旧版 Word/, '转换命令：soffice --headless --convert-to docx 方案.doc'],
    ['a WPS file', ole('WordDocument'), '方案.wps', 'unsupported-input', /WPS/, '转换命令：soffice --headless --convert-to docx 方案.wps'],
    ['an old Excel file', ole('Workbook'), '分工 表.xls', 'unsupported-input', /旧版 Excel/, "转换命令：soffice --headless --convert-to xlsx '分工 表.xls'"],
    ['a PNG image', Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==', 'base64'), '通知.png', 'unsupported-input', /图片（PNG）/, /tesseract 通知\.png 通知 -l chi_sim/],
  ])('%s', async (_name, bytes, file, rule, problem, suggestion) => {
    const refused = await readInput(bytes, file);
    expect('problem' in refused && refused.rule).toBe(rule);
    if (!('problem' in refused)) return;
    expect(refused.problem).toMatch(problem);
    if (typeof suggestion === 'string') expect(refused.suggestion).toContain(suggestion);
    else expect(refused.suggestion).toMatch(suggestion);
  });
});
