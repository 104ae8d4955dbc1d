/**
 * Forms of official writing the lexicon and grammar name, each read from a
 * small notice; and metamorphic tests: writing a notice with brackets and
 * digits of the other width, lexicon synonyms or traditional characters
 * leaves its tasks unchanged.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { foldForMatching } from '../src/extract/fold.js';
import { extractNotice } from '../src/extract/index.js';

const extract = (content: string) => extractNotice({ content, path: 'notice.txt', kind: 'text' });
const tasksOf = (content: string) => extract(content).registry.tasks.map((t) => ({ id: t.id, lead: t.lead, support: t.support, form: t.form ?? null }));
const notice = (...items: string[]) => `县安委会办公室2024年安全生产工作要点\n一、重点任务\n${items.map((item, i) => `（${'一二三四五六'[i]}）${item}`).join('\n')}\n`;

describe('forms in the issue, each read right', () => {
  it.each([
    ['协助单位 instead of 配合单位', '加强危化品监管。（牵头单位：县应急局；协助单位：县公安局）', ['县应急局'], ['县公安局'], 'clause'],
    ['牵头抓总 instead of 牵头', '加强危化品监管。（县应急局牵头抓总，县公安局配合）', ['县应急局'], ['县公安局'], 'clause'],
    ['由A牵头组织实施', '开展安全宣传进企业活动，由县发改局牵头组织实施。', ['县发改局'], [], 'by'],
    ['units ending 联/社/协', '开展助残安全服务。（责任单位：县残联、县供销社、县科协）', ['县残联', '县供销社', '县科协'], [], 'clause'],
    ['a 〔…〕 clause', '加强燃气安全管理。〔牵头单位：县住建局；配合单位：县市场监管局〕', ['县住建局'], ['县市场监管局'], 'clause'],
    ['a 【…】 clause', '加强燃气安全管理。【责任单位：县住建局】', ['县住建局'], [], 'clause'],
    ['a place-named subject', '危化品监管。威海市应急局要加强重大危险源监测。', ['威海市应急局'], [], 'subject'],
    ['a subject after a time phrase', '森林防火。清明节期间，县林业局要严管野外用火。', ['县林业局'], [], 'subject'],
    ['a group set up under a unit', '综合协调组，由县应急局局长任组长，成员由县公安局、县消防救援大队组成。', ['县应急局'], ['县公安局', '县消防救援大队'], 'group'],
  ])('%s', (_, item, lead, support, form) => {
    expect(tasksOf(notice(item))).toEqual([{ id: '1.1', lead, support, form }]);
  });

  it('keeps a bracket of the clause out of the unit name, and quotes names as printed', () => {
    const [task] = extract(notice('加强燃气安全管理。〔责任单位：各县（市、区）住建局〕')).registry.tasks;
    expect(task!.lead).toEqual(['各县（市、区）住建局']);
  });

  it('does not take a closing 有关要求 section for a task or its heading for a unit', () => {
    const text = `${notice('加强危化品监管。（县应急局负责）')}二、有关要求\n（一）加强组织领导。各乡镇要高度重视。\n`;
    expect(tasksOf(text).map((t) => t.id)).toEqual(['1.1']);
  });

  it('reads an activity’s numbered fields into one task', () => {
    const text = '县应急局2025年安全生产月活动方案\n一、活动内容\n（一）启动仪式\n1.活动时间：2025年6月1日前\n2.活动地点：县人民广场\n3.组织单位：县应急局、县总工会\n';
    const [task, ...rest] = extract(text).registry.tasks;
    expect(rest).toEqual([]);
    expect({ id: task!.id, lead: task!.lead, deadline: task!.deadline }).toEqual({ id: '1.1', lead: ['县应急局', '县总工会'], deadline: '2025-06-01' });
  });

  it('says so when units come from a weaker form', () => {
    const { diagnostics } = extract(notice('危化品监管。威海市应急局要加强重大危险源监测。'));
    expect(diagnostics.map((d) => [d.rule, d.line])).toEqual([['units-from-subject', 3]]);
  });
});

type Converter = { Converter(o: { from: string; to: string }): (s: string) => string };
const require = createRequire(import.meta.url);
const toTraditional = (require('opencc-js/cn2t') as Converter).Converter({ from: 'cn', to: 'tw' });
const toSimplified = (require('opencc-js/t2cn') as Converter).Converter({ from: 'tw', to: 'cn' });

/** The same notice written another way, as offices and scrapers write it. */
const rewrites: [string, (text: string) => string][] = [
  ['brackets of the other width', (t) => t.replace(/[()（）]/g, (c) => ({ '(': '（', ')': '）', '（': '(', '）': ')' })[c]!)],
  ['full-width digits', (t) => t.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))],
  ['协助单位 for 配合单位', (t) => t.replaceAll('配合单位', '协助单位')],
  ['牵头抓总 for 牵头', (t) => t.replace(/牵头(?=[，,；;）)])/g, '牵头抓总')],
  ['traditional characters', (t) => toTraditional(t)],
];

const comparable = (content: string) =>
  extract(content).registry.tasks.map((t) => ({
    id: t.id,
    // names are quoted as printed: compare them as read
    lead: t.lead.map((u) => toSimplified(foldForMatching(u))),
    support: t.support.map((u) => toSimplified(foldForMatching(u))),
    deadline: t.deadline,
  }));

describe.each(readdirSync('seeds').filter((f) => f.endsWith('.txt')).sort())('seed %s, rewritten', (name) => {
  const text = readFileSync(`seeds/${name}`, 'utf8');
  const original = comparable(text);
  it.each(rewrites)('%s: the same tasks', (_, rewrite) => {
    expect(comparable(rewrite(text))).toEqual(original);
  });
});
