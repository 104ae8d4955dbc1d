import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildOutline, findMarkers, parseChineseNumeral, type OutlineNode } from '../src/extract/numbering.js';
import { foldWidths } from '../src/extract/source.js';

/** The ids the outline gives its deepest items: the numbering path, dotted. */
function leafIds(text: string): string[] {
  const norm = foldWidths(text);
  const { roots } = buildOutline(findMarkers(norm), norm.length);
  const ids: string[] = [];
  const walk = (node: OutlineNode, path: number[]) => {
    const here = [...path, node.marker.value];
    if (node.children.length === 0) ids.push(here.join('.'));
    node.children.forEach((child) => walk(child, here));
  };
  roots.forEach((root) => walk(root, []));
  return ids;
}

describe('parseChineseNumeral', () => {
  it.each([
    ['一', 1], ['十', 10], ['十二', 12], ['二十', 20], ['二十三', 23], ['一百零五', 105], ['两', 2],
  ])('%s is %i', (numeral, value) => expect(parseChineseNumeral(numeral)).toBe(value));

  it('refuses what is not a numeral', () => {
    expect(parseChineseNumeral('')).toBeNull();
    expect(parseChineseNumeral('十a')).toBeNull();
  });
});

describe('item numbers', () => {
  it('nests 一、 > （一） > 1. as in 004', () => {
    const text = '二、重点工作\n（一）树牢安全发展理念\n1.深入学习。\n2.加快推进。\n（二）压实安全生产责任\n3.推动落实。\n';
    expect(leafIds(text)).toEqual(['2.1.1', '2.1.2', '2.2.3']);
  });

  it.each([
    ['（一）', '（二）'],
    ['(一)', '(二)'],
    ['(一) ', '(二) '],
  ])('reads %s and %s alike', (first, second) => {
    expect(leafIds(`一、主要任务\n${first}加强领导。\n${second}强化监管。\n`)).toEqual(['1.1', '1.2']);
  });

  it.each([['1.'], ['1．'], ['1、'], ['１．'], ['1. ']])('reads %s as item 1', (marker) => {
    const second = marker.replace(/1|１/, '2');
    expect(leafIds(`${marker}加强领导。\n${second}强化监管。\n`)).toEqual(['1', '2']);
  });

  it('reads full-width digits in two-digit numbers (１２．)', () => {
    const fullWidth = (n: number) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const text = Array.from({ length: 12 }, (_, i) => `${fullWidth(i + 1)}．任务。`).join('\n');
    expect(leafIds(text)).toHaveLength(12);
    expect(leafIds(text).at(-1)).toBe('12');
  });

  it('finds numbers inline in a run-on line (001)', () => {
    const text = '主要任务是：落实责任。 一、深入践行安全发展理念 1.深入学习。(市委组织部负责) 2.部署开展三年行动。(市安委办牵头) 二、全面压紧压实安全生产责任 3.严格落实属地管理责任。';
    expect(leafIds(text)).toEqual(['1.1', '1.2', '2.3']);
  });

  it('numbers running on across sections continue (000: 一、 1–7, 二、 8…)', () => {
    expect(leafIds('一、抓教育\n1.甲。\n2.乙。\n二、抓制度\n3.丙。\n')).toEqual(['1.1', '1.2', '2.3']);
  });

  it.each([
    ['扎实开展3、4、5月份安全生产百日攻坚行动。'],
    ['每季度至少组织研究1次安全生产突出问题。'],
    ['到 2020 年，事故总量下降。'],
    ['印发《实施方案(2024—2026年)》。'],
    ['开展“三管三必须”“1.5倍”宣传。'],
    ['产值增长1.5倍，达到2.5亿元。'],
  ])('takes no item number from %s', (sentence) => {
    expect(leafIds(`1.加强领导。${sentence}\n2.强化监管。\n`)).toEqual(['1', '2']);
  });

  it('reads a number whose dot a digit follows as an item only where the sequence wants it (2.6月份 yes, 1.5倍 no)', () => {
    expect(leafIds('1.甲。\n2.6月份开展乙。\n3.丙。\n')).toEqual(['1', '2', '3']);
    expect(leafIds('1.甲。\n1.5倍以上增长。\n2.乙。\n')).toEqual(['1', '2']);
  });

  it('reports a gap in the numbering at a line start', () => {
    const norm = foldWidths('1.甲。\n2.乙。\n4.丁。\n');
    const { gaps } = buildOutline(findMarkers(norm), norm.length);
    expect(gaps.map((g) => [g.marker.value, g.expected])).toEqual([[4, 3]]);
  });

  it('never throws and gives unique ids on any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('一', '、', '（', '）', '1', '2', '.', '\n', ' ', '。', '安', '全', '(', ')') }), (text) => {
        const ids = leafIds(text);
        expect(new Set(ids).size).toBe(ids.length);
      }),
    );
  });
});
