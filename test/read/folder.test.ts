/**
 * A clerk's downloads folder through the built binary: the notice as text, as
 * a saved page, as Word and as PDF, its task table as a workbook, an old .xls,
 * a photo of it and a named pipe. Every supported file is read; every other one
 * is named with the command that converts it, and the run exits 1.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { safetyTasks, safetyTasksIn, safetyTasksWith } from '../helpers.js';
import { pdfOf, seedDocx, seedPage } from './render.js';

const SEED = 'seeds/004_65114f20cbda8ae2.txt';

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('分工');
  sheet.addRow(['序号', '重点任务', '牵头单位', '配合单位', '完成时限', '进展情况']);
  sheet.addRow([1, '开展安全生产月活动', '市应急局', '市委宣传部', '2024年6月30日', '已完成']);
  sheet.addRow([2, '开展燃气安全专项整治', '市住房城乡建设局', '市市场监管局', '2024年12月31日', '推进中']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('a downloads folder', () => {
  it('reads the txt, html, docx, pdf and xlsx files, names the xls, png and pipe with how to convert them, and exits 1', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'safety-tasks-folder-'));
    const folder = path.join(dir, '下载');
    const out = path.join(dir, 'registries');
    execFileSync('mkdir', [folder]);
    const seed = readFileSync(SEED, 'utf8');
    const { bytes: docxBytes } = seedDocx(seed);
    copyFileSync(SEED, path.join(folder, '要点.txt'));
    writeFileSync(path.join(folder, '通知.html'), seedPage(seed, { title: '2024年安全生产工作要点', issuer: '某市安全生产委员会', number: '安委发〔2024〕7号', date: '2024-03-29' }));
    writeFileSync(path.join(folder, '方案.docx'), docxBytes);
    writeFileSync(path.join(folder, '打印版.pdf'), pdfOf(docxBytes, '打印版'));
    writeFileSync(path.join(folder, '任务分工表.xlsx'), await workbook());
    // a real .xls, saved from the workbook by LibreOffice
    const convert = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'xls', '--outdir', dir, path.join(folder, '任务分工表.xlsx')], { encoding: 'utf8', timeout: 120_000 });
    expect(convert.status, convert.stderr).toBe(0);
    copyFileSync(path.join(dir, '任务分工表.xls'), path.join(folder, '旧表.xls'));
    writeFileSync(path.join(folder, '照片.png'), Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==', 'base64'));
    execFileSync('mkfifo', [path.join(folder, '管道')]);

    const result = safetyTasks('extract', folder, '--out', out);
    expect(result.status).toBe(1);
    const shown = (name: string) => path.join(folder, name).split(path.sep).join('/');
    const problems = result.stderr.split('\n').filter((l) => / 错误 /.test(l));
    expect(problems).toEqual([
      `${shown('旧表.xls')}:1:1  错误  是旧版 Excel 工作簿（.xls），不能直接读取：请先转换为 .xlsx (转换命令：soffice --headless --convert-to xlsx 旧表.xls)  unsupported-input`,
      `${shown('照片.png')}:1:1  错误  是图片（PNG），没有文字：请先做文字识别（OCR），得到文本文件后再读取 (转换命令：tesseract 照片.png 照片 -l chi_sim（生成同名 .txt 文件）)  unsupported-input`,
      `${shown('管道')}:1:1  错误  是命名管道（FIFO），不是普通文件：已跳过  unreadable-input`,
    ]);
    const written = ['任务分工表', '打印版', '方案', '要点', '通知'];
    // each registry with its hidden base, what --update merges against
    expect(readdirSync(out).sort()).toEqual(written.flatMap((name) => [`${name}.yaml`, `.${name}.base.yaml`]).sort());
    const registry = (name: string) => parse(readFileSync(path.join(out, name), 'utf8'));
    expect(registry('通知.yaml').document.source.kind).toBe('html');
    expect(registry('方案.yaml').document.source.kind).toBe('docx');
    expect(registry('打印版.yaml').document.source.kind).toBe('pdf');
    expect(registry('任务分工表.yaml').tasks.map((t: { status: string }) => t.status)).toEqual(['done', 'in_progress']);
    const ids = (name: string) => registry(name).tasks.map((t: { id: string }) => t.id);
    expect(ids('方案.yaml')).toEqual(ids('要点.yaml'));
    expect(ids('通知.yaml')).toEqual(ids('要点.yaml'));
    expect(ids('打印版.yaml')).toEqual(ids('要点.yaml'));
    // what was written passes validate
    expect(safetyTasks('validate', out).status).not.toBe(2);
  }, 180_000);

  it('loads no reader for --help, --version or extract --help', () => {
    const hook = ['--import', './test/fixtures/forbid-readers.mjs'];
    for (const args of [['--help'], ['--version'], ['extract', '--help'], ['validate', '--help']]) {
      const run = safetyTasksWith(hook, ...args);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
    }
    // the hook does catch a reader being loaded
    expect(safetyTasksWith(hook, 'extract', SEED).stderr).toMatch(/a forbidden module was loaded/);
  });

  it('reads a plain-text notice without loading the Markdown parser, and a Markdown one with it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'safety-tasks-markdown-'));
    const markdown = path.join(dir, 'notice.md');
    writeFileSync(markdown, readFileSync(SEED, 'utf8'));
    const env = { NODE_OPTIONS: '--import ./test/fixtures/forbid-readers.mjs', FORBID_MODULES: String.raw`\/node_modules\/(?:remark-parse|micromark)\/` };
    const plain = safetyTasksIn(env, 'extract', SEED, '--format', 'json');
    expect(plain.status).toBe(0);
    expect(plain.stderr).not.toMatch(/forbidden/);
    expect(safetyTasksIn(env, 'extract', markdown, '--format', 'json').stderr).toMatch(/a forbidden module was loaded: .*remark-parse/);
  });
});
