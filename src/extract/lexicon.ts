/**
 * The lexicon (词表) of official writing the extractor reads by: every word
 * list lives here once, and every stage that needs one builds its patterns
 * from it. Entries are in folded form (simplified characters, ASCII
 * punctuation): see fold.ts.
 */

export type Role = 'lead' | 'support' | 'joint';

/** Escape a word for use inside a RegExp. */
const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An alternation of words, longest first, so `牵头负责` wins over `牵头`. */
export function alternation(words: readonly string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length).map(escape).join('|');
}

/**
 * Role verbs (角色词) that close a unit list: `A牵头`, `B配合`, `C负责`.
 * `joint` verbs make the units answer together: joint leads where no lead is named.
 */
export const ROLE_VERBS: Record<Role, readonly string[]> = {
  lead: ['牵头负责', '牵头抓总', '牵头组织实施', '牵头组织', '牵头落实', '牵头实施', '牵头', '带队', '总牵头', '主抓', '抓总'],
  support: ['配合落实', '配合实施', '积极配合', '协助配合', '配合', '参与', '协助', '协同', '协办', '参加', '督导', '指导'],
  joint: [
    '按职责分工负责', '按职责负责', '分工负责', '各负其责', '负责落实', '具体负责', '共同负责', '按职责落实', '分别负责', '抓好落实',
    '负责组织实施', '组织实施', '具体实施', '具体落实', '负总责', '负责', '落实', '实施', '部署', '承办',
  ],
};

/** Verbs that carry work out rather than answer for it: `A负责，B落实` makes A the lead and B support. */
export const IMPLEMENTING_VERBS: readonly string[] = ['负责落实', '落实', '抓好落实', '具体实施', '具体落实', '组织实施', '实施'];

/** `A会同B`: A leads together with B, who supports. */
export const TOGETHER_WORDS: readonly string[] = ['会同'];

/** The heads of a label (标签): `牵头单位：`, `协同责任单位：`, `责任科室：`. */
const LABEL_HEADS = ['单位', '部门', '科室', '处室', '股室', '主体', '机构', '清单'];

/** Label words with their role; a label is a word + an optional head + `:`. */
export const LABEL_WORDS: Record<Role, readonly string[]> = {
  // 承办 organises beside 主办: both lead (主办单位：A 承办单位：B)
  lead: ['牵头', '牵头责任', '主办', '主责', '主要责任', '牵头负责', '承办', '组长'],
  // a group's 组长单位 leads it and its 成员单位 support (a 督查组分组表's columns)
  support: ['配合', '协办', '协同', '协同责任', '参与', '参加', '协助', '配合责任', '协作', '支持', '成员'],
  joint: ['责任', '主体责任', '实施', '组织', '具体责任', '落实', '执行', '完成', '负责', '监管责任', '督办'],
};

/** Label words that name people, not units (分管领导：张三): their segment is left out. */
export const PERSON_LABELS: readonly string[] = ['分管领导', '责任领导', '牵头领导', '责任人', '联系人', '分管负责人', '带队领导', '组长', '副组长'];

/** Labels of a time limit (`完成时限：2025年6月底前`). */
export const TIME_LIMIT_LABELS: readonly string[] = ['完成时限', '完成时间', '时间节点', '完成期限', '时限要求', '时间要求', '时限', '截止时间', '办结时限'];

/** Fields of an activity or item (`活动时间：`, `组织单位：`): numbered fields are not tasks. */
export const FIELD_LABELS: readonly string[] = [
  '活动时间', '活动地点', '活动内容', '活动主题', '活动形式', '活动对象', '参加人员', '参加对象', '时间', '地点', '内容', '形式', '对象', '主题', '方式',
  '组织单位', '责任单位', '参加单位', '主办单位', '承办单位', '协办单位', '实施单位', '牵头单位', '配合单位', '工作内容', '工作目标', '工作措施',
];

/** The roles of a label, with its head: `^(?:牵头责任)(?:单位|部门…)?:`. */
export function labelPattern(role: Role, anchored = true): RegExp {
  return new RegExp(`${anchored ? '^' : ''}(?:${alternation(LABEL_WORDS[role])})(?:${alternation(LABEL_HEADS)})?\\s*:`);
}

/** Any label that names units, capturing its word, for label lines and table headers. */
export const ANY_LABEL = `(?:${alternation([...LABEL_WORDS.lead, ...LABEL_WORDS.support, ...LABEL_WORDS.joint])})(?:${alternation(LABEL_HEADS)})`;

const LABEL_AT_END = Object.fromEntries(
  (['lead', 'support', 'joint'] as const).map((role) => [role, new RegExp(`(?:${alternation(LABEL_WORDS[role])})(?:${alternation(LABEL_HEADS)})$`)]),
) as Record<Role, RegExp>;

/** The role of a label or a table's column header (`协助单位` → support, `督查组牵头单位` → lead), or null when it names no units (`牵头领导`). */
export function roleOfLabel(label: string): Role | null {
  return (['lead', 'support', 'joint'] as const).find((role) => LABEL_AT_END[role].test(label)) ?? null;
}

/**
 * Words of a task table's column headers (表头) that name no units: a cell is
 * a number column when it is one of `number`, else the first kind whose word it holds.
 */
export const TABLE_COLUMN_WORDS = {
  /** the row's number, or its group (分组: 第一组, 第二组 of a 督查组分组表) */
  number: ['序号', '编号', '序', '分组', '组别', '组次'],
  progress: ['进展', '完成情况'],
  deadline: ['时限', '时间', '期限', '节点'],
  task: ['任务', '内容', '事项', '措施', '工作', '要求', '名称', '项目', '工程'],
} as const;

/** Endings of unit names (单位名称的后缀): bureaus, committees, offices, groups, operators. */
export const UNIT_SUFFIXES: readonly string[] = [
  '企业', '学校', '幼儿园', '局', '委', '办', '厅', '部', '室', '处', '科', '院', '所', '站', '馆', '台', '中心', '支队', '大队', '总队', '中队', '队',
  '会', '单位', '部门', '海关', '集团', '公司', '政府', '办事处', '镇街', '乡镇', '机场', '铁路', '园区', '银行', '协会', '党校', '工会', '妇联',
  '团委', '指挥部', '小组', '专班', '机关', '分行', '军分区', '人武部', '街道办', '残联', '侨联', '文联', '工商联', '科协', '供销社', '联社',
  '合作社', '红十字会', '管委会', '监狱', '法院', '检察院', '医院', '督查组', '检查组', '工作组', '考核组', '服务社', '气象台', '管理处', '保障部',
  '村委会', '居委会', '分局', '派出所', '供电公司', '营业部', '武警',
];

/** Heads a list of bare names shares (`由公安、交通部门负责` is 公安部门 and 交通部门; `铁路、水利等部门`). */
export const SHARED_HEADS: readonly string[] = ['部门', '单位', '主管部门', '监管部门'];

/** The one-character endings of unit names, for telling where a name ends in a run of names (市应急局 市公安局). */
export const UNIT_LAST_CHARS = [...new Set(UNIT_SUFFIXES.map((s) => s[s.length - 1]!))].join('');

/** Levels of place names (行政区划): a unit opens with one (威海市…, 县…, 各乡镇…). */
export const PLACE_LEVELS: readonly string[] = ['省', '市', '州', '盟', '县', '区', '旗', '镇', '乡', '街道'];

/** Characters that make a common word with a level (城市, 地区, 辖区, 全县, 城镇): no place name ends so. */
export const NOT_PLACE_BEFORE_LEVEL = '城地社园景山矿库辖小街片郊全本超上都集乡农';

/** Words that open a group of units (各镇街, 有关部门, 市直各有关单位). */
export const GROUP_PREFIXES: readonly string[] = ['各', '有关', '相关', '其他', '其他有关', '辖区各', '全市各', '全区各', '全县各', '全省各', '市直各', '县直各', '区直各', '市直有关', '县直有关', '区直有关'];

/** What a group name ends with (a group of units, not of things: 有关要求 is no unit). */
export const GROUP_HEADS: readonly string[] = [
  '部门', '单位', '成员单位', '镇街', '乡镇', '镇', '乡', '街道', '县区', '市区', '区县', '县', '区', '市', '企业', '学校', '园区', '开发区', '机关',
  '社区', '村', '委员会', '安委会', '专委会', '组', '政府', '管委会', '办公室', '专业安委会', '行业主管部门', '职能部门', '监管部门', '部门和单位',
];

/** Words that open the unit part of a name: places (市, 县, 威海市 by level), groups, and bodies named without a place (团市委, 共青团). */
export const UNIT_OPENINGS = ['局', '团', '共青团', '驻', '国网', '中国', '国家', '省', '人民', '武警', '军分区', '消防'];

/** Titles of the people a unit sends (分管负责同志, 副局长): `由市应急局分管负责同志任组长` names the unit before them. */
export const PERSON_TITLES: readonly string[] = [
  '党委委员', '党组成员', '主要负责同志', '分管负责同志', '有关负责同志', '负责同志', '主要负责人', '负责人', '主要领导', '分管领导', '领导', '同志', '局长', '副局长',
  '主任', '副主任', '书记', '副书记', '部长', '副部长', '队长', '大队长', '支队长', '副队长', '副大队长', '副支队长', '政委', '站长', '所长', '院长', '县长', '副县长', '市长',
  '副市长', '区长', '副区长', '镇长', '乡长', '处长', '科长', '干部', '人员', '工作人员', '有关人员', '相关人员', '有关科室人员', '有关处室人员',
];

/** Words before a person's title that say which of the unit's people (分管副局长, 主要领导). */
export const PERSON_TITLE_PREFIXES: readonly string[] = ['分管', '主要', '有关', '1名', '一名'];

/** Verbs that put a person of a unit at the head of a group: `由A…任组长`, `由A…带队`. */
export const GROUP_HEAD_VERBS: readonly string[] = ['任组长', '任指挥长', '任队长', '任召集人', '带队'];

/** Modal verbs that state a duty after a subject (`县公安局要…`); 应 opens 应急, so it is a modal only before another word. */
export const MODAL = '要|应当|应(?!急)|须|必须|务必|需';

/**
 * Sections (篇章) by kind. `context` and `guarantee` sections set no tasks
 * (形势, 指导思想, 目标; 保障措施, 工作要求); `task` words override them.
 */
export const SECTION_WORDS = {
  context: [
    '现状', '形势', '背景', '发展基础', '工作基础', '现实基础', '指导思想', '基本原则', '工作原则', '主要目标', '规划目标', '工作目标', '总体目标',
    '发展目标', '奋斗目标', '预期目标', '目标要求', '总体要求', '总体思路', '编制依据', '适用范围', '活动主题', '活动时间', '活动口号', '范围', '对象',
    '时间和方式', '工作依据', '目的意义', '基本情况', '存在问题', '主要问题',
  ],
  /** context words a longer phrase may lead up to (当前安全生产面临的形势) */
  situation: ['现状', '形势', '背景'],
  guarantee: [
    '保障措施', '工作要求', '有关要求', '相关要求', '具体要求', '组织领导', '组织保障', '工作保障', '保障机制', '工作纪律', '组织实施', '监督考核',
    '考核评估', '实施保障', '注意事项', '其他事项', '其他要求', '附则',
    // the schedule of a campaign: its phases (动员部署阶段…) time the tasks of other sections, they are not ledger rows
    '时间安排', '进度安排',
  ],
  task: ['任务', '重点工作', '工作重点', '重点工程', '主要举措', '工作措施', '工作内容', '工作职责', '职责', '整治内容', '检查内容'],
} as const;

/**
 * Fixed-date holidays (节日) as month and day: `元旦前` is 01-01. Movable
 * ones (春节, 中秋) have no fixed day and give no date unless the notice prints one.
 */
export const FIXED_HOLIDAYS: readonly { words: readonly string[]; month: number; day: number }[] = [
  { words: ['元旦'], month: 1, day: 1 },
  { words: ['五一', '“五一”', '劳动节', '五一劳动节', '“五一”劳动节', '五一国际劳动节'], month: 4, day: 30 },
  { words: ['国庆', '国庆节', '“十一”'], month: 9, day: 30 },
  { words: ['七一', '“七一”', '建党节'], month: 7, day: 1 },
  { words: ['六一', '“六一”', '儿童节'], month: 6, day: 1 },
];

/** Toolbar words and page facts of a scraped page: a short line holding one is chrome (网页样板). */
export const CHROME_WORDS = {
  buttons: ['打印本页', '关闭窗口', '返回顶部', '打印', '关闭', '收藏', '分享', '返回', '上一篇', '下一篇', '加入收藏', '我要纠错', '扫一扫', '字体'],
  facts: ['发布时间', '发布日期', '信息来源', '来源', '浏览次数', '访问次数', '点击数', '字号', '阅读次数', '作者', '责任编辑', '编辑'],
} as const;

/**
 * Characters that only traditional writing uses, common in notices: one of
 * them is the sign to run the traditional-to-simplified converter at all.
 */
export const TRADITIONAL_MARKERS = '縣區鎮鄉單負責頭牽應關門們為與這會國發產業實處現設計機構電車經濟對說時從進個來開務環衛計劃農業資規劃運輸財審議導險檢測戶災護總隊當報據辦廳協聯幹時間點內際確認領長職權號類級調際於';
