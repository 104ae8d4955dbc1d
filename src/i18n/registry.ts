/** Reading, editing and merging registries, and reading units directories. */
import type { Entry } from './index.js';

export const zh = {
  'registry.empty-folder': '这个文件夹里没有台账（.yaml、.yml 或 .json 文件）',
  'registry.task-left-out': '{message}：报告未采用该任务',
  'registry.registry-left-out': '{message}：报告未采用该台账',
  'registry.not-a-registry': '不是任务分工台账（没有 document 和 tasks）：请用 safety-tasks validate 检查',
  'registry.not-yaml': '无法按 YAML 读取：{reason}',
  'registry.edit.not-yaml': '台账不是有效的 YAML：{reason}',
  'registry.edit.no-tasks': '台账中没有 tasks 列表',
  'registry.edit.no-task': '这个台账中没有任务 {task}（任务编号从 {first} 到 {last}）',
  'registry.edit.non-string-id': '任务 id {written} 不是字符串（YAML 会把 3.10 读成数字 3.1）：请加引号，写作 "{written}"',
  'registry.edit.id-twice': '任务 id {task} 出现不止一次：请先改正重复的 id',
  'units.not-a-directory': '{file} 不是单位名录：{where} {reason}',
  'units.unreadable': '无法读取单位名录 {file}：{reason}',
} satisfies Record<string, Entry>;

export const en: Record<keyof typeof zh, Entry> = {
  'registry.empty-folder': 'directory holds no registries (.yaml, .yml or .json files)',
  'registry.task-left-out': '{message}: the reports leave out this task',
  'registry.registry-left-out': '{message}: the reports leave out this registry',
  'registry.not-a-registry': 'not a task registry (no document and tasks): run safety-tasks validate on it',
  'registry.not-yaml': 'not readable as YAML: {reason}',
  'registry.edit.not-yaml': 'the registry is not valid YAML: {reason}',
  'registry.edit.no-tasks': 'the registry has no tasks list',
  'registry.edit.no-task': 'no task {task} in this registry (its tasks run {first} … {last})',
  'registry.edit.non-string-id': 'task id {written} is not a string (YAML reads 3.10 as the number 3.1): quote it, "{written}"',
  'registry.edit.id-twice': 'task id {task} is used more than once: mend the duplicate first',
  'units.not-a-directory': '{file} is not a units directory: {where} {reason}',
  'units.unreadable': 'cannot read the units directory {file}: {reason}',
};
