/**
 * The package as an office gets it: packed, installed from the tarball into an
 * empty folder, `init` sets up a registry repository, and there extract and
 * validate work; the registries' $schema lines resolve inside that repository
 * and nothing written names a path outside it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CLERK_ENV } from './helpers.js';

const everyFile = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? everyFile(full) : [full];
  });

describe('npm pack, install, init, extract, validate', () => {
  it('works in a fresh folder, and the repository it sets up holds no path of this machine', { timeout: 300_000 }, () => {
    const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'safety-tasks-pack-')));
    // dist/ is built already (pretest): packing without scripts keeps the tests' binary still
    const tarball = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', root], { encoding: 'utf8' }).trim().split('\n').at(-1)!;
    const app = path.join(root, 'app');
    mkdirSync(app);
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent', path.join(root, tarball)], { cwd: app, stdio: 'pipe' });
    // --no: never fetch a package of that name from a registry
    const npx = (cwd: string, ...args: string[]) => spawnSync('npx', ['--no', 'safety-tasks', ...args], { cwd, encoding: 'utf8', env: CLERK_ENV });

    const init = npx(app, 'init', 'office');
    expect(init.status, init.stderr).toBe(0);
    const office = path.join(app, 'office');
    for (const file of ['schemas/registry.schema.json', 'schemas/units.schema.json', '.github/workflows/validate-registries.yml', 'README.md']) {
      expect(existsSync(path.join(office, file)), file).toBe(true);
    }
    expect(readFileSync(path.join(office, 'README.md'), 'utf8')).toMatch(/任务分工台账/);
    expect(readdirSync(path.join(office, 'units')).length).toBe(1);

    copyFileSync('seeds/000_057774623b698b6c.txt', path.join(office, 'notices', '2022年 工作要点.txt'));
    const extract = npx(office, 'extract', 'notices', '--out', 'registries');
    expect(extract.status, extract.stderr).toBe(0);
    expect(extract.stderr).toContain('已写入 1 个任务台账');
    const validate = npx(office, 'validate', 'registries');
    expect(validate.status, validate.stdout).toBe(0);

    const inside = (p: string) => !path.relative(office, p).startsWith('..') && !path.isAbsolute(path.relative(office, p));
    const registries = readdirSync(path.join(office, 'registries')).map((n) => path.join(office, 'registries', n));
    expect(registries.map((r) => path.basename(r))).toEqual(['2022年 工作要点.yaml']);
    for (const registry of registries) {
      const text = readFileSync(registry, 'utf8');
      const schema = /^# yaml-language-server: \$schema=(.+)$/m.exec(text)![1]!;
      const schemaFile = path.resolve(path.dirname(registry), schema);
      expect(existsSync(schemaFile)).toBe(true);
      expect(inside(schemaFile)).toBe(true);
      const source = path.resolve(path.dirname(registry), (parse(text) as { document: { source: { path: string } } }).document.source.path);
      expect(existsSync(source)).toBe(true);
      expect(inside(source)).toBe(true);
    }
    // no file of the repository names this machine's folders
    for (const file of everyFile(office)) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toContain(root);
      expect(text, file).not.toContain(process.cwd());
      expect(text, file).not.toContain(tmpdir());
    }
  });
});
