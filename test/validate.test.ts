/**
 * validate: one broken registry per rule under test/fixtures/validate, each
 * giving exactly the diagnostics listed here (rule, severity, line:column).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { safetyTasks, safetyTasksWith, zh } from './helpers.js';
import { directoryFor } from '../src/units/directory.js';
import { loadUnitsDirectories } from '../src/units/load.js';
import { validateRegistryText } from '../src/validate/index.js';

const directories = await loadUnitsDirectories();
const units = (jurisdiction: string | null) => directoryFor(directories, jurisdiction, false);
const folder = 'test/fixtures/validate';

function problems(name: string): string[] {
  const text = readFileSync(`${folder}/${name}`, 'utf8');
  const sourceDigest = (p: string) => (p.endsWith('notice.txt') ? (name === 'source-changed.yaml' ? 'changed' : null) : null);
  return validateRegistryText(text, { file: name, units, today: '2026-11-27', sourceDigest }).map(
    (d) => `${d.rule} ${d.severity} ${d.line}:${d.column}`,
  );
}

describe('validate rules', () => {
  it.each([
    ['clean.yaml', []],
    ['unknown-unit.yaml', ['unknown-unit error 19:12']],
    ['duplicate-task-id.yaml', ['duplicate-task-id error 24:9']],
    ['missing-lead.yaml', ['missing-lead warning 26:11']],
    ['lead-and-support.yaml', ['lead-and-support error 20:21']],
    ['impossible-date.yaml', ['impossible-date error 21:15']],
    ['deadline-before-document.yaml', ['deadline-before-document warning 21:15']],
    ['done-without-date.yaml', ['done-without-date error 29:13']],
    ['done-in-future.yaml', ['done-in-future error 30:14']],
    ['source-changed.yaml', ['source-changed warning 15:13']],
    ['no-units-directory.yaml', ['no-units-directory warning 12:17']],
    ['unknown-key.yaml', ['missing-field error 17:5', 'unknown-key error 21:5']],
    ['missing-field.yaml', ['missing-field error 24:5']],
    ['wrong-type.yaml', ['wrong-type error 33:11']],
    ['invalid-value.yaml', ['invalid-value error 22:13']],
    ['invalid-format.yaml', ['invalid-format error 21:15']],
    ['yaml-syntax.yaml', ['yaml-syntax error 18:21']],
    ['duplicate-key.yaml', ['yaml-syntax error 24:5']],
  ])('%s', (name, expected) => {
    expect(problems(name)).toEqual(expected);
  });

  it('suggests the unit a misspelt name meant', () => {
    const text = readFileSync(`${folder}/unknown-unit.yaml`, 'utf8');
    const [problem] = validateRegistryText(text, { file: 'x', units, today: '2026-11-27' });
    expect(problem?.suggestion).toBe(zh('validate.did-you-mean', { name: '市住房城乡建设局' }));
  });

  it('suggests the key a misspelt one meant', () => {
    const text = readFileSync(`${folder}/unknown-key.yaml`, 'utf8');
    const problem = validateRegistryText(text, { file: 'x', units, today: '2026-11-27' }).find((d) => d.rule === 'unknown-key');
    expect(problem?.suggestion).toBe(zh('validate.did-you-mean', { name: 'deadline' }));
  });
});


describe('safety-tasks validate', () => {
  it('finds exactly one error in the seeds\' registries: the spam unit in 001, at its line and column', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'safety-tasks-'));
    expect(safetyTasks('extract', 'seeds', '--out', out).status).toBe(0);
    const { status, stdout } = safetyTasks('validate', out, '--format', 'json');
    expect(status).toBe(1);
    const errors = JSON.parse(stdout).filter((d: { severity: string }) => d.severity === 'error');
    expect(errors).toHaveLength(1);
    const [error] = errors;
    expect(error.rule).toBe('unknown-unit');
    expect(error.file).toBe(`${out}/001_b11ec0531f900c9a.yaml`);
    const line = readFileSync(error.file, 'utf8').split('\n')[error.line - 1]!;
    expect(line.slice(error.column - 1)).toBe('太阳成集团tyc234cc');
  });

  it('prints GitHub annotations', () => {
    const { status, stdout } = safetyTasks('validate', `${folder}/unknown-unit.yaml`, '--format', 'github');
    expect(status).toBe(1);
    expect(stdout).toBe(
      `::error file=${folder}/unknown-unit.yaml,line=19,col=12,title=unknown-unit::${zh('validate.unknown-unit', { unit: '市城乡建设住房局', jurisdiction: '威海市' })} (${zh('validate.did-you-mean', { name: '市住房城乡建设局' })})\n`,
    );
  });

  it('passes warnings unless --max-warnings is exceeded', () => {
    expect(safetyTasks('validate', `${folder}/missing-lead.yaml`).status).toBe(0);
    expect(safetyTasks('validate', `${folder}/missing-lead.yaml`, '--max-warnings', '1').status).toBe(0);
    expect(safetyTasks('validate', `${folder}/missing-lead.yaml`, '--max-warnings', '0').status).toBe(1);
  });

  it('exits 2 naming an input it cannot read, and still checks the rest', () => {
    const { status, stdout } = safetyTasks('validate', 'no/such.yaml', `${folder}/unknown-unit.yaml`);
    expect(status).toBe(2);
    expect(stdout).toMatch(new RegExp(`^no/such\\.yaml:1:1  错误  ${zh('io.ENOENT')}  unreadable-input$`, 'm'));
    expect(stdout).toMatch(/unknown-unit\.yaml:19:12  错误/);
  });

  it('checks units against a directory given with --units', () => {
    const { status, stdout } = safetyTasks('validate', `${folder}/no-units-directory.yaml`, '--units', 'units/weihai.yaml');
    expect(status).toBe(0);
    expect(stdout).toBe(`${zh('diagnostics.summary', { errors: 0, warnings: 0 })}\n`);
  });

  it('compiles no schema when it runs', () => {
    const hook = ['--import', './test/fixtures/forbid-schema-compiler.mjs'];
    expect(safetyTasksWith(hook, 'validate', `${folder}/clean.yaml`).status).toBe(0);
    // the hook does catch a compiler being loaded
    const compiler = spawnSync(process.execPath, [...hook, '-e', "await import('ajv/dist/2020.js')", '--input-type=module'], { encoding: 'utf8' });
    expect(compiler.status).not.toBe(0);
    expect(compiler.stderr).toContain('the schema compiler was loaded');
  });
});

describe('what validate and the reports load', () => {
  it('loads no Markdown parser: the calendar lives outside the extractor', () => {
    const hook = ['--import', './test/fixtures/forbid-remark.mjs'];
    expect(safetyTasksWith(hook, 'validate', `${folder}/clean.yaml`).status).toBe(0);
    expect(safetyTasksWith(hook, 'overdue', `${folder}/clean.yaml`, '--as-of', '2025-01-01').status).toBe(0);
    expect(safetyTasksWith(hook, 'matrix', `${folder}/clean.yaml`).status).toBe(0);
    // the hook does catch the parser being loaded
    expect(safetyTasksWith(hook, 'extract', 'seeds/003_c1536b6ac6ba3ddc.txt').status).not.toBe(0);
  });
});

describe('units directories', () => {
  it('refuses a units file that does not follow its schema, naming it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'safety-tasks-'));
    writeFileSync(path.join(dir, 'units.yaml'), 'jurisdiction: 某县\nunits:\n  - nam: 县应急局\n');
    const { status, stdout } = safetyTasks('validate', 'test/fixtures/validate/clean.yaml', '--units', path.join(dir, 'units.yaml'));
    expect(status).toBe(2);
    expect(stdout).toMatch(/units\.yaml:1:1  错误  .*不是单位名录：\/units\/0 .*  unreadable-input/);
  });
});

describe('validate reads whatever extract writes', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'safety-tasks-'));
  const seeds = ['seeds/000_057774623b698b6c.txt', 'seeds/001_b11ec0531f900c9a.txt'];

  it.each([
    ['a YAML list of registries (extract seeds > all.yaml)', 'all.yaml', 'yaml'],
    ['a JSON array of registries', 'all.json', 'json'],
  ])('%s: each checked, the spam unit of 001 found at its line', (_name, file, format) => {
    const printed = safetyTasks('extract', ...seeds, '--format', format);
    writeFileSync(path.join(dir, file), printed.stdout);
    const { status, stdout } = safetyTasks('validate', path.join(dir, file), '--format', 'json');
    expect(status).toBe(1);
    const errors = JSON.parse(stdout).filter((d: { severity: string }) => d.severity === 'error');
    expect(errors.map((d: { rule: string }) => d.rule)).toEqual(['unknown-unit']);
    const line = printed.stdout.split('\n')[errors[0].line - 1]!;
    expect(line).toContain('太阳成集团tyc234cc');
  });

  it('a .json registry of its own, in a folder with YAML ones', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'safety-tasks-'));
    expect(safetyTasks('extract', seeds[1]!, '--out', folder, '--format', 'json').status).toBe(0);
    expect(safetyTasks('extract', seeds[0]!, '--out', folder).status).toBe(0);
    const { status, stdout } = safetyTasks('validate', folder, '--format', 'json');
    expect(status).toBe(1);
    const files = new Set(JSON.parse(stdout).map((d: { file: string }) => path.basename(d.file)));
    expect(files.has('001_b11ec0531f900c9a.json')).toBe(true);
  });

  it('source-changed: the notice is found relative to the registry, from whatever folder validate runs in', () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'safety-tasks-'));
    // the notice is read only inside the registry's repository
    mkdirSync(path.join(repo, '.git'));
    const notice = path.join(repo, 'notices', '通知 一.txt');
    mkdirSync(path.dirname(notice));
    copyFileSync(seeds[0]!, notice);
    expect(safetyTasks('extract', notice, '--out', path.join(repo, 'registries')).status).toBe(0);
    const registry = path.join(repo, 'registries', '通知 一.yaml');
    expect(readFileSync(registry, 'utf8')).toContain('path: ../notices/通知 一.txt\n');
    const changed = () => JSON.parse(safetyTasks('validate', registry, '--format', 'json').stdout).filter((d: { rule: string }) => d.rule === 'source-changed');
    expect(changed()).toEqual([]);
    writeFileSync(notice, `${readFileSync(notice, 'utf8')}\n补充一句。\n`);
    expect(changed()).toHaveLength(1);
    // outside any repository only the registry's own folder is: a notice beside it is outside
    rmSync(path.join(repo, '.git'), { recursive: true });
    const rules = JSON.parse(safetyTasks('validate', registry, '--format', 'json').stdout).map((d: { rule: string }) => d.rule);
    expect(rules.filter((rule: string) => rule.startsWith('source-'))).toEqual(['source-outside']);
  });
});
