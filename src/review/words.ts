/** Every word the review pages show, in one place, so a message catalogue can take them later. */
import type { AssignmentForm } from '../registry/types.js';

/** How the units were assigned, as a clerk would name the form of writing. */
export const FORM_WORDS: Record<AssignmentForm, string> = {
  clause: '括注',
  label: '标签',
  subject: '主语',
  heading: '标题',
  table: '表格',
  by: '由…负责',
  'first-listed': '排第一者牵头',
  field: '组织单位栏',
  group: '工作组',
};

/** Rule ids of the diagnostics a review page shows, named for a clerk; an id not listed is shown as it is. */
export const RULE_WORDS: Record<string, string> = {
  'numbering-gap': '编号缺漏',
  'ambiguous-numbering': '编号层级不明',
  'missing-clause': '未写明分工',
  'unit-list-unsplit': '单位名称存疑',
  'table-cells-guessed': '表格分列存疑',
  'no-tasks': '未找到任务',
  'weak-form': '分工方式较弱',
  'not-a-unit': '疑似不是单位',
  'unplaced-text': '文字未归入任务',
  'unreadable-input': '无法读取',
  'timed-out': '超时未处理',
  'no-spans': '未记录位置',
  'span-outside': '位置超出正文',
  'span-mismatch': '位置与原文不符',
  'source-changed': '通知已改动',
  'source-missing': '找不到通知',
};

/** A rule id named for a clerk: `units-from-<form>` after its form, an id not known as it is. */
export function ruleWord(rule: string): string {
  const form = /^units-from-(.+)$/.exec(rule)?.[1];
  if (form && form in FORM_WORDS) return `单位取自${FORM_WORDS[form as AssignmentForm]}`;
  return RULE_WORDS[rule] ?? rule;
}

export const PAGE_WORDS = {
  lang: 'zh-CN',
  untitled: '（无标题通知）',
  issuer: '发文单位',
  number: '文号',
  date: '成文日期',
  source: '通知文件',
  flagged: (n: number) => `需要核对（${n} 项）`,
  noFlags: '提取时没有需要核对的项目。',
  line: (n: number) => `第 ${n} 行`,
  task: (id: string) => `任务 ${id}`,
  noticeHeading: '通知原文',
  tasksHeading: (n: number) => `任务分工（${n} 项）`,
  legend: '图例',
  legendText: '任务原文',
  legendLead: '牵头单位',
  legendSupport: '配合单位',
  legendDeadline: '完成时限',
  keys: '快捷键：j / ↓ 下一项，k / ↑ 上一项；点击原文中的标记可选中其任务。',
  columns: { id: '编号', task: '任务', lead: '牵头', support: '配合', deadline: '完成时限', status: '状态', form: '分工方式' },
  none: '—',
  weak: '（需核对）',
  noticeMissing: (path: string) => `找不到台账所记的通知文件 ${path}：无法在原文上标出任务，下面只列出台账。`,
  noticeChanged: (path: string) => `注意：通知文件 ${path} 自台账生成后已改动（sha256 不同），标出的位置可能不准，请重新提取或逐项核对。`,
  noticeUnchanged: (path: string) => `台账与通知文件 ${path} 一致（sha256 相同）。`,
  noticeExtracted: (path: string) => `由通知文件 ${path} 直接提取，尚未保存为台账。`,
  weakForm: (form: string) => `单位由“${form}”读出，请核对。`,
  noSpans: '台账没有记录任务在通知中的位置：请用新版 safety-tasks extract 重新提取。',
  taskNoSpans: '此任务没有记录在通知中的位置。',
  spanOutside: (what: string) => `${what}的位置超出通知正文。`,
  spanMismatch: (what: string, name: string) => `${what}“${name}”与通知中该位置的文字不符。`,
  unplaced: (from: number, to: number) => (from === to ? `第 ${from} 行的文字不在任何任务中，请核对是否漏了任务。` : `第 ${from}–${to} 行的文字不在任何任务中，请核对是否漏了任务。`),
  spanWhat: { text: '任务原文', deadline: '完成时限', unit: '单位' },
  selectedNone: '未选中任务',
  selected: (id: string) => `已选中：任务 ${id}`,
  generator: 'safety-tasks review',
} as const;

export const OVERVIEW_WORDS = {
  title: '通知审阅总览',
  intro: (n: number) => `共 ${n} 份通知。点击标题打开审阅页。`,
  columns: { notice: '通知', tasks: '任务数', units: '涉及单位', flagged: '需核对', source: '通知文件' },
  unitsCount: (n: number) => `${n} 个`,
  source: { extracted: '直接提取', unchanged: '一致', changed: '已改动', missing: '找不到' },
} as const;
