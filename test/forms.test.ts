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
    ['主办单位 and 承办单位 both lead', '开展启动仪式。（主办单位：县应急局；承办单位：县融媒体中心；协助单位：县总工会）', ['县应急局', '县融媒体中心'], ['县总工会'], 'clause'],
    ['a group led by a unit’s officer, its members sent by units', '第一督查组。由市公安局交警支队副支队长带队，成员由市交通局、市应急局派员组成。', ['市公安局交警支队'], ['市交通局', '市应急局'], 'group'],
    ['a group led by one of a unit’s titles', '第二督查组。由市应急局党委委员、副局长带队，成员由市消防救援支队派员组成。', ['市应急局'], ['市消防救援支队'], 'group'],
    ['a group set up under a unit', '综合协调组，由县应急局局长任组长，成员由县公安局、县消防救援大队组成。', ['县应急局'], ['县公安局', '县消防救援大队'], 'group'],
  ])('%s', (_, item, lead, support, form) => {
    expect(tasksOf(notice(item))).toEqual([{ id: '1.1', lead, support, form }]);
  });

  it('lines up a table row that lost merged cells by what its cells hold', () => {
    // the 类别 cell is printed once for the rows below it; row 3 lost its merged time limit too
    const table = [
      '附件',
      '重点任务分工表',
      '序号 | 类别 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |',
      '1 | 危化品 | 开展化工园区安全整治。 | 市应急局 | 市发改委、市工信局 | 2025年6月底前 |',
      '2 | 推进园区封闭化管理。 | 市工信局 | 市应急局 | 2025年9月底前 |',
      '3 | 严查危化品运输车辆违法行为。 | 市公安局 | 市交通局 |',
    ].join('\n');
    const tasks = extract(`县安委会办公室关于印发重点任务分工表的通知\n${table}\n`).registry.tasks;
    expect(tasks.map((t) => [t.lead, t.support, t.deadline])).toEqual([
      [['市应急局'], ['市发改委', '市工信局'], '2025-06-30'],
      [['市工信局'], ['市应急局'], '2025-09-30'],
      [['市公安局'], ['市交通局'], '2025-09-30'],
    ]);
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

/** Tasks with their deadlines, for the forms of tables and dates. */
const withDeadlines = (content: string) =>
  extract(content).registry.tasks.map((t) => ({ id: t.id, lead: t.lead, support: t.support, deadline: t.deadline }));

describe('forms of real notices, each read right', () => {
  it('reads a table of groups flattened one cell a line, with no task column (分组 | 督查组牵头单位 | 督查单位)', () => {
    const text = [
      '五、加强督查',
      '市政府督查组要于4月20日前开展督促检查。',
      '二○一二年四月五日',
      '附件:',
      '市政府安全生产督查组分组表',
      '分 组', '| 督查组牵头单位', '| 督查单位', '| 备 注', '|',
      '第一组', '| 市安监局', '| 雁塔区', '|', '|',
      '第二组', '| 市规划局', '| 灞桥区', '|', '|',
    ].join('\n');
    expect(withDeadlines(text)).toEqual([
      { id: '5', lead: ['市政府督查组'], support: [], deadline: '2012-04-20' },
      { id: '附件.1', lead: ['市安监局'], support: [], deadline: null },
      { id: '附件.2', lead: ['市规划局'], support: [], deadline: null },
    ]);
  });

  it('takes a heading line that holds a comma as the heading, and the subject after it', () => {
    const text = '前文。\n五、加强值守,准确及时上报事故信息\n各区县政府、各开发区管委会要严格执行事故信息报送制度。\n六、强化宣传\n县应急局要开展宣传。\n';
    expect(tasksOf(text)).toEqual([
      { id: '5', lead: ['各区县政府', '各开发区管委会'], support: [], form: 'subject' },
      { id: '6', lead: ['县应急局'], support: [], form: 'subject' },
    ]);
  });

  it('takes a subject after a heading sentence that holds a comma', () => {
    expect(tasksOf(notice('持续强化隐患排查治理,落实监管责任。各单位各部门要立即成立检查组。'))).toEqual([
      { id: '1.1', lead: ['各单位各部门'], support: [], form: 'subject' },
    ]);
  });

  it('passes over a document site’s chunk markers (1、 2、 at the starts of long lines that run on)', () => {
    const line1 = `1、县安委办关于做好安全工作的通知 现将有关事项通知如下:1、持续强化隐患排查治理。各单位各部门要立即成立检查组,在3月3日前将各行`;
    const line2 = `2、业领域监管对象清单报区安委办,对所管辖的生产经营单位实行分片包干,落实属地监管责任,确保不留死角。2、持续做好值班值守。县应急局要严格执行值班制度。`;
    expect(tasksOf(`${line1}\n${line2}\n`)).toEqual([
      { id: '1', lead: ['各单位各部门'], support: [], form: 'subject' },
      { id: '2', lead: ['县应急局'], support: [], form: 'subject' },
    ]);
  });

  it('reads a task table flattened with spaces alone, after an attachment printed inline', () => {
    const text =
      '县安委办关于印发燃气整治任务清单的通知 一、提高思想认识。各乡镇要高度重视。 县安委办 2025年4月2日 附件 县燃气整治重点任务清单 ' +
      '序号 工作任务 牵头单位 配合单位 完成时限 1 开展燃气隐患排查整治，建立问题清单 县住建局 县市场监管局 县消防救援大队 2025年6月底前 ' +
      '2 推进老旧燃气管道 更新改造 县住建局 / 9月底前 3 开展燃气安全宣传 县委宣传部 县教育局 长期坚持 抄送：县委办公室。\n';
    const { registry, diagnostics } = extract(text);
    expect(registry.tasks.filter((t) => t.id.startsWith('附件')).map((t) => ({ id: t.id, lead: t.lead, support: t.support, deadline: t.deadline, form: t.form }))).toEqual([
      { id: '附件.1', lead: ['县住建局'], support: ['县市场监管局', '县消防救援大队'], deadline: '2025-06-30', form: 'table' },
      { id: '附件.2', lead: ['县住建局'], support: [], deadline: '2025-09-30', form: 'table' },
      { id: '附件.3', lead: ['县委宣传部'], support: ['县教育局'], deadline: null, form: 'table' },
    ]);
    // which unit stands in which of two unit columns is told by position: said so
    expect(diagnostics.filter((d) => d.rule === 'table-cells-guessed').length).toBe(2);
  });

  it('reads a table whose task cells are numbered at several levels, merged cells dropped', () => {
    const text = [
      '建设任务 | 工作事项 | 工作指标 | 任务清单 | 责任清单 | 时限清单 |',
      '一、体系建设 |',
      '(一)组织指挥 | 1.组织机构 | (1)乡镇党政主要负责人是防汛第一责任人。 | 1.落实防汛行政首长负责制; 2.明确班子成员职责清单; | 党政办 应消站 | 4月 |',
      '(2)应急消防管理站承担统筹协调工作。 | 1.明确防汛联络员; | 应消站 | 4月 |',
      '2.补充设置水利工程巡查员; | 农村办 国土所 村(社区) |',
      '2.工作机制 | (3)健全应急指挥机制。 | 1.制定应急指挥机制; | 综治办 | 5月 |',
    ].join('\n');
    expect(tasksOf(text)).toEqual([
      { id: '1.1.1.1.1', lead: ['党政办', '应消站'], support: [], form: 'table' },
      { id: '1.1.1.1.2', lead: ['党政办', '应消站'], support: [], form: 'table' },
      { id: '1.1.1.2.1', lead: ['应消站'], support: [], form: 'table' },
      { id: '1.1.1.2.2', lead: ['农村办', '国土所', '村(社区)'], support: [], form: 'table' },
      { id: '1.1.2.3.1', lead: ['综治办'], support: [], form: 'table' },
    ]);
  });

  it('reads a group table’s 组长单位 as lead and 成员单位 as support', () => {
    const text = '附件\n市安全生产督查组分组表\n组别 | 组长单位 | 成员单位 | 督查范围 |\n第一组 | 市应急局 | 市公安局、市住建局 | 雁塔区 |\n第二组 | 市交通局 | 市市场监管局 | 灞桥区 |\n';
    expect(tasksOf(text)).toEqual([
      { id: '附件.1', lead: ['市应急局'], support: ['市公安局', '市住建局'], form: 'table' },
      { id: '附件.2', lead: ['市交通局'], support: ['市市场监管局'], form: 'table' },
    ]);
  });

  it('reads a group led by a unit’s 分管副局长, and a 组织领导 section that sets up only the leading group as no task', () => {
    const text = '县安委会关于开展安全生产大检查的通知\n一、检查分组\n（一）危化品检查组。由县应急局分管副局长带队，县公安局、县市场监管局派员参加。\n二、组织领导\n成立大检查领导小组，由县政府分管副县长任组长。\n';
    expect(tasksOf(text)).toEqual([{ id: '1.1', lead: ['县应急局'], support: ['县公安局', '县市场监管局'], form: 'group' }]);
  });

  it('reads duties under article headings an excerpt opens mid-way, in traditional characters', () => {
    const text = '第四章 部門職責\n第十條 縣應急管理局工作職責：\n（一）負責全縣安全生產綜合監督管理工作。\n（二）組織開展安全生產大檢查。\n第十一條 縣公安局工作職責：\n（一）負責道路交通安全管理。\n';
    expect(tasksOf(text)).toEqual([
      { id: '4.10.1', lead: ['縣應急管理局'], support: [], form: 'heading' },
      { id: '4.10.2', lead: ['縣應急管理局'], support: [], form: 'heading' },
      { id: '4.11.1', lead: ['縣公安局'], support: [], form: 'heading' },
    ]);
  });

  it('reads duties under unit headings of a list an excerpt opens inside of, a sector department and a unit with a colon among them', () => {
    const text = '三、部门职责\n（三十五）县教育局。\n1.负责全县学校安全管理工作。\n2.配合有关部门做好校园周边治理。\n（三十六）质监部门。\n1.负责特种设备安全监察。\n（三十七）县农业农村局：负责农业机械安全监督管理。\n';
    expect(tasksOf(text)).toEqual([
      { id: '3.35.1', lead: ['县教育局'], support: [], form: 'heading' },
      { id: '3.35.2', lead: ['县教育局'], support: [], form: 'heading' },
      { id: '3.36.1', lead: ['质监部门'], support: [], form: 'heading' },
      { id: '3.37', lead: ['县农业农村局'], support: [], form: 'heading' },
    ]);
  });

  it('reads a unit marked (牵头) in a table cell as lead, the others of the cell as support', () => {
    const text = '附件\n重点任务清单\n| 序号 | 工作任务 | 责任单位 | 完成时限 |\n| --- | --- | --- | --- |\n| 1 | 开展“安全生产月”活动 | 县应急局（牵头）、县总工会 | 6月30日前 |\n| 2 | 开展汛期安全检查 | 县水利局、县自然资源局 | 汛前 |\n';
    expect(tasksOf(text)).toEqual([
      { id: '附件.1', lead: ['县应急局'], support: ['县总工会'], form: 'table' },
      { id: '附件.2', lead: ['县水利局', '县自然资源局'], support: [], form: 'table' },
    ]);
  });

  it('takes the title a covering notice prints (现将《X》印发给你们) when its own title is cut, printed over two lines', () => {
    const text = '各行政村、各有关单位:\n现将《徐庄镇2017年度安全生产专项整治工作计划》印发给你们，请遵照执行。\n二〇一七年二月二十四日\n徐庄镇2017年度安全生产专项整治\n工作计划\n一、整治重点\n（一）道路交通。由镇派出所负责。\n';
    const { document } = extract(text).registry;
    expect({ title: document.title, date: document.date }).toEqual({ title: '徐庄镇2017年度安全生产专项整治工作计划', date: '2017-02-24' });
  });

  it('gives a clause on its own line after the last sub-item to all the sub-items', () => {
    const text = '县应急体系建设规划责任分解\n一、主要任务\n1.完善应急预案体系\n(1)加强应急预案管理。\n(2)加强应急预案演练。\n(责任单位:市直各有关单位、各县(市、区)人民政府)\n2.健全应急机制\n(1)推进机构建设。(县应急局负责)\n(2)完善值守制度。\n';
    const units = ['市直各有关单位', '各县(市、区)人民政府'];
    expect(tasksOf(text)).toEqual([
      { id: '1.1.1', lead: units, support: [], form: 'clause' },
      { id: '1.1.2', lead: units, support: [], form: 'clause' },
      { id: '1.2.1', lead: ['县应急局'], support: [], form: 'clause' },
      { id: '1.2.2', lead: [], support: [], form: null },
    ]);
  });

  it('gives a shared head to the bare names before it (由公安、交通部门负责)', () => {
    expect(tasksOf(notice('道路交通安全专项整治，由公安、交通部门负责，有关部门配合。'))).toEqual([
      { id: '1.1', lead: ['公安部门', '交通部门'], support: ['有关部门'], form: 'by' },
    ]);
  });

  it('does not take the phases of a 时间安排 section for tasks', () => {
    const text = `${notice('加强危化品监管。（县应急局负责）')}二、时间安排\n（一）动员部署阶段（2024年4月）。各乡镇要制定方案。\n`;
    expect(tasksOf(text).map((t) => t.id)).toEqual(['1.1']);
  });

  it('reads a subject after a longer condition, three characters long', () => {
    expect(tasksOf(notice('事故报告。辖区内发生一次死亡5人以上道路交通事故后，县政府在一个月内向市政府上报。'))).toEqual([
      { id: '1.1', lead: ['县政府'], support: [], form: 'subject' },
    ]);
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
