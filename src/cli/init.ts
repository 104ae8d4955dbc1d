/**
 * `safety-tasks init [DIR]`: a repository for an office's registries — its
 * units directory, the schemas its registries' `$schema` lines point at, the
 * workflow that checks them, and a README in Chinese. Nothing there is replaced.
 */
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { t } from '../i18n/index.js';
import { ioErrorMessage } from '../io-error.js';
import { toPosix } from './files.js';
import { usageError } from './usage-error.js';

const SHIPPED = (relative: string) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));

export interface InitOptions {
  jurisdiction?: string;
}

/** The units directory a new office starts from, for a jurisdiction the tool ships none for. */
function unitsTemplate(jurisdiction: string | undefined): string {
  const place = jurisdiction ?? '某某县';
  const level = /[市县区镇乡旗]$/.test(place) ? place.at(-1)! : '县';
  return `# yaml-language-server: $schema=../schemas/units.schema.json
# ${place}的单位名录：每个单位的规范名称，通知里出现过的其他写法（aliases），类别（kind），
# 以及“各有关部门”这类统称包括哪些单位（members）。台账的 document.jurisdiction 与下面的
# jurisdiction 相同时，safety-tasks 用这份名录核对单位名称。${jurisdiction ? '' : '\n# 请把 jurisdiction 改成本辖区的名称（与通知中的写法一致）。'}
jurisdiction: ${place}
units:
  - name: ${level}应急局
    aliases: [${level}应急管理局]
    kind: department
  - name: ${level}政府安委会办公室
    aliases: [${level}安委办]
    kind: office
  - name: ${level}政府安委会有关成员单位
    kind: group
    members: [${level}应急局]
`;
}

function readme(jurisdiction: string | undefined, unitsFile: string): string {
  return `# ${jurisdiction ?? ''}安全生产任务分工台账

这个仓库存放本科室的任务分工台账：每份通知（工作要点、实施方案……）一个 YAML 文件，
逐项写明任务、牵头单位、配合单位、完成时限和进展。台账由 safety-tasks 从通知生成，
之后由各科室在这里更新进展。

## 目录

| 位置 | 内容 |
| --- | --- |
| \`notices/\` | 通知原文（.txt 或 .md），台账从这里生成 |
| \`registries/\` | 任务分工台账，每份通知一个 |
| \`${unitsFile}\` | 本辖区的单位名录：单位的规范名称、别名和统称的成员 |
| \`schemas/\` | 台账和单位名录的结构定义：编辑器据此提示和检查（台账第一行指向它） |
| \`.github/workflows/validate-registries.yml\` | 每次提交后自动检查改动过的台账 |

## 第一次使用

1. 安装 Node.js 20 或更高版本。
2. 把 safety-tasks 加为本仓库的依赖（用你们拿到的安装包或 git 地址），并提交生成的
   \`package.json\` 和 \`package-lock.json\`，CI 就会用同一个版本：

   \`\`\`sh
   npm install --save-dev ./safety-tasks-0.1.0.tgz
   \`\`\`

3. 把通知放进 \`notices/\`，生成台账并检查：

   \`\`\`sh
   npx safety-tasks extract notices --out registries
   npx safety-tasks validate registries --units units
   \`\`\`

## 日常工作

- 记录进展：\`npx safety-tasks status registries/某通知.yaml 3.11 已完成 --on 2024-12-20\`
- 查看逾期：\`npx safety-tasks overdue registries --units units\`
- 某单位的任务：\`npx safety-tasks matrix registries --unit 县应急局 --units units\`
- 通知改了之后重新生成、保留进展：\`npx safety-tasks extract notices --out registries --update\`
- 单位名录中没有的名称：\`npx safety-tasks units registries --unknown --units units\`，
  把别名补进 \`${unitsFile}\`。

合并分支时如果台账里留下了冲突标记（<<<<<<<），\`validate\` 会以 merge-conflict 报出所在的行。
`;
}

export async function initCommand(dir: string, options: InitOptions): Promise<number> {
  const info = await stat(dir).catch(() => null);
  if (info && !info.isDirectory()) return usageError('init', 'cli.init.not-a-directory', { dir });

  // the units directory: the shipped one of this jurisdiction where there is one, else a template to fill in
  let units: { name: string; text: string } = { name: `${options.jurisdiction ?? 'units'}.yaml`, text: unitsTemplate(options.jurisdiction) };
  if (options.jurisdiction) {
    for (const name of (await readdir(SHIPPED('units'))).filter((n) => n.endsWith('.yaml'))) {
      const text = await readFile(path.join(SHIPPED('units'), name), 'utf8');
      if ((parse(text) as { jurisdiction?: string } | null)?.jurisdiction === options.jurisdiction) units = { name, text };
    }
  }
  const files: { target: string; from?: string; text?: string }[] = [
    { target: 'schemas/registry.schema.json', from: SHIPPED('schemas/registry.schema.json') },
    { target: 'schemas/units.schema.json', from: SHIPPED('schemas/units.schema.json') },
    { target: `units/${units.name}`, text: units.text },
    { target: '.github/workflows/validate-registries.yml', from: SHIPPED('examples/validate-registries.yml') },
    { target: 'README.md', text: readme(options.jurisdiction, `units/${units.name}`) },
    { target: '.gitignore', text: 'node_modules/\n*.tmp\n' },
  ];
  const created: string[] = [];
  const kept: string[] = [];
  for (const file of files) {
    const target = path.join(dir, file.target);
    if (await stat(target).catch(() => null)) {
      kept.push(file.target);
      continue;
    }
    try {
      await mkdir(path.dirname(target), { recursive: true });
      if (file.from) await copyFile(file.from, target);
      else await writeFile(target, file.text!);
    } catch (error) {
      return usageError('init', 'cli.init.cannot-write', { file: toPosix(target), reason: ioErrorMessage(error) });
    }
    created.push(file.target);
  }
  await mkdir(path.join(dir, 'notices'), { recursive: true });
  if (created.length > 0) process.stderr.write(`${t('cli.init.created', { dir: toPosix(dir), files: created.join('、') })}\n`);
  if (kept.length > 0) process.stderr.write(`${t('cli.init.kept', { files: kept.join('、') })}\n`);
  process.stderr.write(`${t('cli.init.next')}\n`);
  return 0;
}
