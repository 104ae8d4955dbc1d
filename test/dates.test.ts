import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arabicDates, findRecurrences, isoDate, readDeadline, RECURRING, RULES } from '../src/extract/dates.js';

const deadlineIn = (text: string, year: number | null) => readDeadline(text, { year });

describe('deadlines: the table of rules §5', () => {
  it.each([
    ['所有功能区2024年底前全部设立安全监管机构', 2024, '2024-12-31', '2024年底前'],
    ['6月底前完成排查', 2024, '2024-06-30', '6月底前'],
    ['于4月20日前报市政府', 2012, '2012-04-20', '4月20日前'],
    ['自2021年12月20日至2022年3月31日，开展大诊断', 2022, '2022-03-31', '自2021年12月20日至2022年3月31日'],
    ['扎实开展3、4、5月份安全生产百日攻坚行动', 2024, '2024-05-31', '3、4、5月份'],
    ['完成消防站建设，2020年市政消火栓建有率达到100%', 2016, '2020-12-31', '2020年'],
    ['到2020年，基本建成监测体系', 2016, '2020-12-31', '到2020年'],
    ['上半年完成摸底', 2024, '2024-06-30', '上半年'],
    ['三季度末前完成整改', 2024, '2024-09-30', '三季度末前'],
    ['２０２５年６月３０日前完成', 2024, '2025-06-30', '２０２５年６月３０日前'],
    ['2024年,重点开展主要负责人集中培训', 2024, '2024-12-31', '2024年'],
    ['完成时限：4月', 2024, '2024-04-30', '4月'],
    ['完成时限：2018年底', 2016, '2018-12-31', '2018年底'],
  ])('%s (a %s document) → %s', (text, year, deadline, printed) => {
    const reading = deadlineIn(text, year);
    expect(reading.deadline).toBe(deadline);
    expect(reading.deadline_text).toBe(printed);
  });

  it.each([
    ['县应急局要于下月5日前报送', '2025-06-20', '2025-07-05', '下月5日前'],
    ['本月底前完成自查', '2025-06-20', '2025-06-30', '本月底前'],
    ['次月10日前报县安委办', '2024-12-10', '2025-01-10', '次月10日前'],
  ])('%s (issued %s) → %s: a month relative to the date of issue', (text, since, deadline, printed) => {
    const reading = readDeadline(text, { year: Number(since.slice(0, 4)), since });
    expect([reading.deadline, reading.deadline_text]).toEqual([deadline, printed]);
  });

  it('reads a holiday in quotes as the holiday, not as a quoted title', () => {
    expect(deadlineIn('“五一”前完成项目前期手续办理', 2025)).toMatchObject({ deadline: '2025-04-30', deadline_text: '“五一”前' });
  });

  it('reads no month relative to a date of issue it does not know', () => {
    expect(readDeadline('于下月5日前报送', { year: 2025 }).deadline).toBeNull();
  });

  it('keeps the start of a window', () => {
    expect(deadlineIn('自2021年12月20日至2022年3月31日', 2022).start).toBe('2021-12-20');
    expect(deadlineIn('扎实开展3、4、5月份百日攻坚', 2024).start).toBe('2024-03-01');
  });

  it('takes the earliest of several dates and keeps the rest as milestones', () => {
    const reading = deadlineIn('于4月25日前报省政府，并于4月20日前报市政府', 2012);
    expect(reading.deadline).toBe('2012-04-20');
    expect(reading.milestones).toEqual([{ date: '2012-04-25', text: '4月25日前' }]);
  });

  it.each([
    ['每年7月10日前报告上半年情况', 2024],
    ['事故发生后20分钟内上报初步情况', 2024],
    ['确保2024年各项任务落实到位', 2024],
    ['做好迎接2024年省政府安全生产巡查各项准备工作', 2024],
    ['基本消除2023年及以前排查发现的重大事故隐患存量', 2024],
    ['制定2022年度安全生产专项巡查督查工作方案', 2022],
    ['落实《安全应急装备重点领域发展行动计划（2023—2025年）》', 2024],
    ['“十三五”期间原则上不再新批项目', 2016],
    ['推行“一周一小练、一月一大练、一季度一检验”工作机制', 2022],
    ['6月底前完成排查', null],
    ['3123年底前完成', 2024],
    ['达到“十三五”末的1.5倍以上', 2021],
  ])('sets no deadline: %s', (text, year) => {
    expect(deadlineIn(text, year).deadline).toBeNull();
  });

  it('reads dates written in Chinese numerals', () => {
    expect(arabicDates('二○一二年四月五日')).toBe('2012年4月5日');
    expect(arabicDates('二〇二三年十二月三十一日')).toBe('2023年12月31日');
  });

  it('refuses impossible days', () => {
    expect(isoDate(2024, 2, 30)).toBeNull();
    expect(isoDate(2024, 2, 29)).toBe('2024-02-29');
    expect(isoDate(2023, 2)).toBe('2023-02-28');
  });

  it('never throws, and every deadline is a real day (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('2024', '年', '月', '日', '底', '前', '3', '12', '、', '至', '自', '，', '上半年', '每', '季度') }), (text) => {
        const { deadline } = deadlineIn(text, 2024);
        if (deadline) expect(isoDate(Number(deadline.slice(0, 4)), Number(deadline.slice(5, 7)), Number(deadline.slice(8)))).toBe(deadline);
      }),
    );
  });
});

describe('recurrence', () => {
  it.each([
    ['推动各级政府主要负责人每季度至少组织研究1次安全生产突出问题', [{ text: '每季度至少组织研究1次', interval: 'P3M' }]],
    ['每年至少组织开展1次疏散逃生演练（其中，民爆生产销售企业每半年至少组织1次）', [
      { text: '每年至少组织开展1次', interval: 'P1Y' },
      { text: '每半年至少组织1次', interval: 'P6M' },
    ]],
    ['定期研判重大安全风险', [{ text: '定期', interval: null }]],
    ['推行“一周一小练、一月一大练、一季度一检验”工作机制', []],
    ['持续抓好安全生产双月教育警示活动', [{ text: '双月', interval: 'P2M' }]],
  ])('%s', (text, recurrence) => {
    expect(findRecurrences(text)).toEqual(recurrence);
  });

  it('reads drills outside quotes with their intervals', () => {
    expect(findRecurrences('推行一周一小练、一月一大练、一季度一检验工作机制').map((r) => r.interval)).toEqual(['P1W', 'P1M', 'P3M']);
  });
});

describe('deadlines in more shapes', () => {
  it.each([
    ['4—6月集中开展整治', '2024-06-30'],
    ['5月上旬完成动员部署', '2024-05-10'],
    ['5月中旬前完成自查', '2024-05-20'],
    ['6月下旬组织验收', '2024-06-30'],
    ['6月份全面完成整改', '2024-06-30'],
    ['六月底前完成', '2024-06-30'],
    ['年底完成验收', '2024-12-31'],
    ['4月，全面启动隐患排查', '2024-04-30'],
    ['“十四五”末建成1个省级综合性应急救援基地', '2025-12-31'],
    ['力争2024年全省非煤矿山数量减少20%以上', '2024-12-31'],
  ])('%s → %s', (text, deadline) => {
    expect(readDeadline(text, { year: 2024 }).deadline).toBe(deadline);
  });
});

describe('the words a form needs (issue 17: a text without them is not searched for it)', () => {
  // the characters date phrases are made of, so the patterns match often
  const piece = fc.constantFrom(...'0123456789年月日号底末前之以为止至到—–~-、份上中下旬半季度第一二三四五六七八九十每周双定期完成全面基本实现建成达到自从起截止力争争取时限节点期要求元旦国庆劳动“”《》,;:。在于是 '.split(''), '五一', '国庆节', '时间节点', '完成时限', '十四五');
  const text = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));
  it('every phrase of a form holds one of the words it is said to need', () => {
    fc.assert(
      fc.property(text, (value) => {
        for (const { pattern, needs } of [...RULES, ...RECURRING]) {
          for (const m of value.matchAll(new RegExp(pattern.source, 'g'))) expect(needs.some((word) => m[0].includes(word)), `${pattern.source} in ${value}`).toBe(true);
        }
      }),
      { numRuns: 5000 },
    );
  });
});
