import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForMatching } from '../src/extract/fold.js';
import { findClauses, joinBroken, looksLikeUnit, parseResponsibility, splitOutsideBrackets, splitUnits } from '../src/extract/clause.js';
import { foldWidths } from '../src/extract/source.js';

const roles = (clause: string, options = {}) => {
  const { lead, support } = parseResponsibility(foldWidths(clause), options);
  return { lead, support };
};

describe('responsibility clauses: the table of rules §4', () => {
  it.each([
    // A牵头，B、C分工负责 / 负责落实 / 配合 / 参与
    ['市政府安委会办公室牵头,市政府安委会有关成员单位分工负责', ['市政府安委会办公室'], ['市政府安委会有关成员单位']],
    ['市安委会办公室牵头，市安委会成员单位、各镇街负责落实', ['市安委会办公室'], ['市安委会成员单位', '各镇街']],
    ['市应急局牵头，市公安局配合', ['市应急局'], ['市公安局']],
    ['县应急局牵头，县公安局参与', ['县应急局'], ['县公安局']],
    // A、B牵头，C负责落实
    ['市应急局、市发展改革委牵头,市公安局、市消防救援支队等有关部门分工负责', ['市应急局', '市发展改革委'], ['市公安局', '市消防救援支队']],
    // A会同B分工负责, with a 责任单位 label and a half-width colon
    ['责任单位:市发展改革委、市应急局会同各有关部门分工负责', ['市发展改革委', '市应急局'], ['各有关部门']],
    // no lead named: joint leads
    ['市总工会、共青团市委、市公安局、市文化和旅游局、市应急局分工负责', ['市总工会', '共青团市委', '市公安局', '市文化和旅游局', '市应急局'], []],
    ['市应急局负责', ['市应急局'], []],
    ['市工业和信息化局、市公安局分工负责', ['市工业和信息化局', '市公安局'], []],
    ['责任单位：市应急局、市住建局', ['市应急局', '市住建局'], []],
    ['市政府安委会办公室', ['市政府安委会办公室'], []],
    // A负责，B配合
    ['由市应急局负责，市消防救援支队、市公安局配合', ['市应急局'], ['市消防救援支队', '市公安局']],
    // labels
    ['牵头单位：县应急局；配合单位：县公安局、县交通运输局', ['县应急局'], ['县公安局', '县交通运输局']],
    // a list broken by a stray comma keeps the verb that closes it (004 item 17)
    ['市安委会办公室牵头，城市安全专业委员会、市大数据中心，各镇街负责落实', ['市安委会办公室'], ['城市安全专业委员会', '市大数据中心', '各镇街']],
  ])('%s', (clause, lead, support) => {
    expect(roles(clause)).toEqual({ lead, support });
  });

  it('reads the first unit as lead where the notice says 排在第一位的为牵头单位', () => {
    expect(roles('市应急局、市公安局、市交通运输局', { firstListedLeads: true })).toEqual({
      lead: ['市应急局'],
      support: ['市公安局', '市交通运输局'],
    });
  });
});

describe('unit lists', () => {
  it.each([
    ['市政府安委会成员单位和威海海关、荣成海关等部门', ['市政府安委会成员单位', '威海海关', '荣成海关']],
    ['市政府安委办及负有安全生产监管职责的各有关部门', ['市政府安委办', '负有安全生产监管职责的各有关部门']],
    ['市委编办、市司法局、市应急局及各有关部门', ['市委编办', '市司法局', '市应急局', '各有关部门']],
    ['市工业和信息化局、市文化和旅游局、市自然资源和规划局', ['市工业和信息化局', '市文化和旅游局', '市自然资源和规划局']],
    ['市应急局、市人力资源社会保障局等', ['市应急局', '市人力资源社会保障局']],
    ['威海机场、桃威铁路等有关部门', ['威海机场', '桃威铁路']],
    ['市发展改革委、市应急局及有关部门', ['市发展改革委', '市应急局', '有关部门']],
  ])('%s', (list, units) => expect(splitUnits(list)).toEqual(units));

  it.each(['市应急局', '各镇街', '共青团市委', '负有安全生产监管职责的各有关部门', '威海海事局', '市消防救援支队'])(
    '%s is a unit', (name) => expect(looksLikeUnit(name)).toBe(true),
  );
  it.each(['经营主体', '街道', '深井铸造', '项目', '2024—2026年', '其中，民爆生产销售企业每月至少1次'])(
    '%s is not', (name) => expect(looksLikeUnit(name)).toBe(false),
  );
});

/** An item as the stages see it: folded for matching, the printed text beside it. */
const asNotice = (item: string) => ({ norm: foldWidths(item), text: foldForMatching(item), printed: item });

describe('clauses in an item', () => {
  const clausesOf = (item: string) => findClauses(asNotice(item), 0, item.length).map((c) => c.text);

  it.each([
    '推动各级各有关部门将…作为党委常委会会议、党组(党委)会议第一议题。',
    '将重要指示批示精神纳入市委党校(威海行政学院)重点课程。',
    '进一步明确乡镇(街道)、村居(社区)和经营主体等各方责任。',
    '每季度带队开展 1 次检查（其中，民爆生产销售企业每月至少 1 次），压实企业主体责任。',
    '以市政府安委会名义印发《威海市安全生产治本攻坚三年行动实施方案(2024—2026年)》。',
    '落实《意见》（鲁政办发〔2015〕48号）要求。',
    '持续开展“打假”（打击假冒政府网站、制售假冒安全证书）行动。',
  ])('prose parentheses are not clauses: %s', (item) => expect(clausesOf(item)).toEqual([]));

  it('finds a clause opened full-width and closed half-width across a page break (000 item 16)', () => {
    expect(clausesOf('坚决防止风险隐患演变为事故。（负有安全生产监管职责的\n\n各有关部门分工负责)')).toEqual([
      '负有安全生产监管职责的各有关部门分工负责',
    ]);
  });

  it('finds each clause of an item that holds several (001 item 20)', () => {
    expect(clausesOf('细化工作措施。(市应急局负责)强化特种设备安全。(市市场监管局负责)加强民爆安全监管。(市工业和信息化局、市公安局分工负责)')).toEqual([
      '市应急局负责',
      '市市场监管局负责',
      '市工业和信息化局、市公安局分工负责',
    ]);
  });

  it('finds a clause standing before the full stop', () => {
    expect(clausesOf('加强危险化学品安全监管（市应急局牵头，市公安局配合）。')).toEqual(['市应急局牵头，市公安局配合']);
  });

  it('never throws on any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('（', '）', '(', ')', '市', '局', '牵头', '、', '，', '。', '负责', '\n', '《', '》') }), (text) => {
        for (const clause of findClauses(asNotice(text), 0, text.length)) {
          expect(clause.start).toBeLessThan(clause.end);
          expect(clause.lead.length + clause.support.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});

describe('clause forms beyond the seeds', () => {
  it.each([
    ['牵头：市应急局；配合：市公安局', ['市应急局'], ['市公安局']],
    ['市应急局 市公安局 分工负责', ['市应急局', '市公安局'], []],
    ['区交通运输局牵头，区发展改革局、区财政局配合，2025年底前完成', ['区交通运输局'], ['区发展改革局', '区财政局']],
    // names come back as read (folded); grounding quotes them as printed (seeds.test.ts)
    ['责任单位：各县（市、区）人民政府，市住建局', ['各县(市、区)人民政府', '市住建局'], []],
    ['局体卫艺科负责，各中小学校落实', ['局体卫艺科'], ['各中小学校']],
    ['分管领导：副局长 周立新  责任科室：运管所', ['运管所'], []],
    ['牵头科室：局安全科，责任单位：各县（市、区）教育局、局属各学校', ['局安全科'], ['各县(市、区)教育局', '局属各学校']],
    ['镇应急消防站（镇专职消防队）负责', ['镇应急消防站'], []],
    ['责任单位：镇安办牵头，镇市场监管所、各村（社区）配合', ['镇安办'], ['镇市场监管所', '各村(社区)']],
    ['牽頭單位：縣應急局；協助單位：縣公安局', ['县应急局'], ['县公安局']],
    ['县发改局牵头组织实施', ['县发改局'], []],
    ['县残联、县供销社、县科协负责', ['县残联', '县供销社', '县科协'], []],
    ['牵头责任单位：县委宣传部、县应急管理局，协同责任单位：县安委会各成员单位', ['县委宣传部', '县应急管理局'], ['县安委会各成员单位']],
  ])('%s', (clause, lead, support) => {
    const { lead: l, support: s } = parseResponsibility(clause);
    expect({ lead: l, support: s }).toEqual({ lead, support });
  });

  it('keeps a time limit written into a clause apart from its units', () => {
    expect(parseResponsibility('牵头单位：县消防救援大队；配合单位：县教育局；完成时限：2025年6月底前').timeLimit).toBe('2025年6月底前');
  });

  it('finds a clause that closes a heading line without a full stop', () => {
    const item = '加强危险化学品安全监管（市应急局牵头）\n全面排查重大危险源。';
    expect(findClauses(asNotice(item), 0, item.length).map((c) => c.text)).toEqual(['市应急局牵头']);
  });
});

describe('joining broken lines and splitting lists (properties)', () => {
  // the scanners are written for speed; these are what they mean, written plainly
  const latinOrDigit = /[0-9A-Za-z]/;
  const joinedPlainly = (text: string) =>
    text.replace(/\s+/g, (run, at: number) => (at > 0 && latinOrDigit.test(text[at - 1]!) && latinOrDigit.test(text[at + run.length] ?? '') ? ' ' : ''));
  const splitPlainly = (text: string, separators: string) => {
    const parts = [''];
    let depth = 0;
    for (const c of text) {
      if (c === '(' || c === '（') depth++;
      else if ((c === ')' || c === '）') && depth > 0) depth--;
      else if (depth === 0 && separators.includes(c)) {
        parts.push('');
        continue;
      }
      parts[parts.length - 1] += c;
    }
    return parts;
  };
  const pieces = ['市应急局', 'A', '7', ' ', '\u3000', '\n', '\t', '\u00a0', '\ufeff', '\u2028', '、', '，', ',', '（', '）', '(', ')', '；'];
  const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join(''));

  it('joinBroken drops every run of spaces but one between two Latin letters or digits', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(joinBroken(text)).toBe(joinedPlainly(text));
      }),
    );
  });

  it('splitOutsideBrackets splits at each separator outside brackets, and only there', () => {
    fc.assert(
      fc.property(texts, fc.constantFrom('、,，', ';,；，', '、'), (text, separators) => {
        expect(splitOutsideBrackets(text, separators)).toEqual(splitPlainly(text, separators));
        // a second call with the same separators reads them the same way
        expect(splitOutsideBrackets(text, separators)).toEqual(splitPlainly(text, separators));
      }),
    );
  });
});
