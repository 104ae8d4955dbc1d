/** The command line: help, commander's own words, usage errors and what the commands say on stderr. */
import type { Entry } from './index.js';

export const zh = {
  'cli.description': '把安全生产通知读成任务分工台账，检查台账，并按单位、文件和时限出报表。',
  'cli.help-after-error': '（加 --help 查看用法）',
  'cli.error-prefix': '{command}：',
  'cli.internal-error': 'safety-tasks：程序内部出错：{message}（加 --debug 重新运行可看到出错位置）',
  'cli.option.help': '显示帮助',
  'cli.option.version': '显示版本号',
  'cli.option.lang': '界面语言：zh 中文（默认），en 英文',
  'cli.command.help': '显示某个命令的帮助',
  'cli.title.Usage:': '用法：',
  'cli.title.Arguments:': '参数：',
  'cli.title.Options:': '选项：',
  'cli.title.Commands:': '命令：',
  'cli.title.Global Options:': '全局选项：',
  'cli.usage.options': '[选项]',
  'cli.usage.command': '[命令]',
  'cli.help.choices': '可选：{choices}',
  'cli.help.default': '默认：{value}',
  'cli.help.separator': '；',
  'cli.help.extras': '（{extras}）',
  'cli.commander.unknown-option': '未知选项 {option}{suggestion}',
  'cli.commander.unknown-command': '未知命令 {command}{suggestion}',
  'cli.commander.suggestion': '（是不是 {names}？）',
  'cli.commander.missing-argument': '缺少参数 <{argument}>',
  'cli.commander.option-missing-argument': '选项 {option} 后面要跟一个值',
  'cli.commander.missing-mandatory-option': '必须给出选项 {option}',
  'cli.commander.invalid-option-value': '选项 {option} 的值“{value}”不行：{reason}',
  'cli.commander.invalid-argument-value': '参数 <{argument}> 的值“{value}”不行：{reason}',
  'cli.commander.excess-arguments': '参数太多：要 {expected} 个，给了 {received} 个',
  'cli.commander.allowed-choices': '可选的值是 {choices}',
  'cli.commander.error': '错误：{message}',
  'cli.whole-number': '请写一个整数（0 或更大）',
  'cli.positive-number': '请写一个从 1 起的整数',
  'cli.positive-seconds': '请写一个大于 0 的秒数（如 30 或 0.5）',
  'cli.units-help': '单位名录：一个文件（用于所有台账），或一个按辖区匹配的文件夹（默认：随工具附带的 units/）',
  'cli.format': '输出格式',
  'cli.examples': '示例：',
  'cli.list-separator': '、',

  'cli.extract.summary': '把通知读成 YAML 任务分工台账',
  'cli.extract.description':
    '读取安全生产通知，每份通知写出一个任务分工台账：文件信息，以及每项任务的编号、内容、牵头和配合单位、完成时限和出处。\n' +
    '读得懂：文本（.txt）、Markdown、网页（.html，含 GB2312/GBK 编码）、Word（.docx）、有文字层的 PDF、任务分工表（.xlsx、.csv）。\n' +
    '文件按内容识别，不看扩展名；.doc、.wps、.xls 和图片给出转换命令。',
  'cli.extract.paths': '通知文件，或文件夹（读取其中每个文件，隐藏文件和子文件夹除外）',
  'cli.extract.out': '每份通知写成 <dir>/<名称>.yaml，而不是打印出来',
  'cli.extract.update': '<dir>/<名称>.yaml 已存在时，把通知合并进去：内容、单位、时限重新读取，状态和进展保留',
  'cli.extract.force': '<dir>/<名称>.yaml 已存在时，直接替换',
  'cli.extract.jobs': '用几个线程提取（默认：超过 8 个文件时每核一个，最多 4 个）',
  'cli.extract.debug': '出现意外错误时打印调用栈',
  'cli.timeout-per-file': '每个文件最多用几秒（默认：10 秒，每 MB 再加 4 秒）；超时的文件记为问题，其余照常处理',
  'cli.extract.after':
    '  $ safety-tasks extract notices/某通知.txt                   打印一个 YAML 台账\n' +
    '  $ safety-tasks extract notices --format json > all.json       所有通知，一个 JSON 数组\n' +
    '  $ safety-tasks extract notices --out registries               写成 registries/<名称>.yaml\n' +
    '  $ safety-tasks extract notices --out registries --update      重新读取通知，保留进展\n\n' +
    '警告（编号跳号、某项没有责任分工、单位列表拆不开）以 文件:行:列 的形式写到 stderr；stdout 只输出台账。\n' +
    '退出码：0 完成（有无警告都算），1 有通知出错，2 用法不对或输入无法读取。',
  'cli.extract.update-and-force': '--update 和 --force 只能选一个：--update 合并并保留进展，--force 直接替换',
  'cli.extract.dry-run': '与 --update 一起用：只列出会做的事（保留、改号、改写、新增、消失、冲突），不写任何文件',
  'cli.extract.discard-progress': '与 --force 一起用：即使台账里记有进度也替换（丢弃进度）',
  'cli.extract.dry-run-alone': '--dry-run 只与 --out 和 --update 一起用：列出更新会做的事，什么也不写',
  'cli.extract.discard-alone': '--discard-progress 只与 --force 一起用',
  'cli.extract.needs-out': '{option} 只在写入文件夹时有用：请同时给出 --out <dir>',
  'cli.extract.update-json': '--update 只能合并 YAML 台账：JSON 台账请用 --force 替换',

  'cli.validate.summary': '按结构定义、单位名录和规则检查台账',
  'cli.validate.description': '像 CI 在有人修改台账时那样检查任务分工台账：YAML 语法、台账的结构定义、\n按台账所属辖区的单位名录核对单位名称，以及下列规则。\n每个问题都报在引起它的节点所在的文件、行和列。',
  'cli.validate.paths': '台账文件，或文件夹（读取其中的 .yaml、.yml 和 .json 文件）',
  'cli.validate.max-warnings': '警告多于这个数时也算失败',
  'cli.validate.after':
    '规则：unknown-unit、duplicate-task-id、missing-lead、lead-and-support、impossible-date、\n' +
    'deadline-before-document、done-without-date、done-in-future、source-changed、source-outside、\n' +
    'source-unreadable、no-units-directory、merge-conflict、time-limit；结构定义给出 unknown-key、missing-field、wrong-type、invalid-format、invalid-value；yaml-syntax。\n' +
    'source.path 只在指向本仓库（git 顶层目录，否则台账所在文件夹）内、不超过 10 MB 的普通文件时才读取比对。\n\n' +
    '示例：\n' +
    '  $ safety-tasks validate registries                       检查一个文件夹里的所有台账\n' +
    '  $ safety-tasks validate registries --format github       给 GitHub 拉取请求加批注\n' +
    '  $ safety-tasks validate r.yaml --units my-units.yaml --max-warnings 0\n\n' +
    '退出码：0 没有问题，1 有错误（或警告多于 --max-warnings），2 有输入无法读取。',

  'cli.units.summary': '列出台账里出现的单位、各自承担的任务，以及名录中没有的名称',
  'cli.units.paths': '台账文件，或台账所在的文件夹',
  'cli.units.unknown': '只列出单位名录中没有的名称、出现的位置和最接近的登记名称',
  'cli.units.suggest': '以 YAML 打印可以粘贴进单位名录的别名条目',
  'cli.units.after':
    '单位按辖区分别统计：威海市的市应急局和滕州市的市应急局是两个单位。\n\n' +
    '示例：\n' +
    '  $ safety-tasks units registries\n' +
    '  $ safety-tasks units registries --unknown\n' +
    '  $ safety-tasks units registries --suggest >> proposed-aliases.yaml\n\n' +
    '退出码：0 完成，1 --unknown 或 --suggest 有发现，2 有输入无法读取。',
  'cli.units.suggest-and-unknown': '--suggest 和 --unknown 只能选一个',
  'cli.units.suggest-format': '--suggest 总是输出 YAML：不能与 --format {format} 同用',
  'cli.units.add-to': '# {jurisdiction}：加入 {file}',

  'cli.matrix.summary': '打印任务分工表：某个单位的、某份通知的，或单位 × 通知',
  'cli.matrix.paths': '台账文件，或台账所在的文件夹',
  'cli.matrix.unit': '这个单位牵头或配合的所有任务（可用别名），以及同一任务上的其他单位',
  'cli.matrix.doc': '一份通知的分工表：任务 × 单位，● 牵头，○ 配合，每个单位有合计',
  'cli.matrix.jurisdiction': '只看这个辖区的台账',
  'cli.matrix.role': '只看这种角色：lead 牵头，support 配合',
  'cli.matrix.after':
    '分给某类单位（负有安全生产监管职责的各有关部门）的任务，会出现在单位名录列出的每个成员下，\n' +
    '并注明经由哪一类。多个辖区各占一节。表格按终端宽度排版（太宽时分段，每段都重复文件和任务列）；csv 可用 Excel 打开。\n\n' +
    '示例：\n' +
    '  $ safety-tasks matrix registries --unit 市应急局\n' +
    '  $ safety-tasks matrix registries --doc 004_65114f20cbda8ae2\n' +
    '  $ safety-tasks matrix registries --jurisdiction 威海市 --format csv > 威海市.csv',
  'cli.matrix.doc-and-unit': '--doc 和 --unit 只能选一个：--unit 看一个单位的任务，--doc 看一份通知的分工表',
  'cli.no-unit': '这些台账和单位名录中没有单位“{unit}”{suggestion}',
  'cli.matrix.no-doc': '这些台账中没有文件“{doc}”（现有：{ids}）',
  'cli.no-jurisdiction': '这些台账中没有辖区“{jurisdiction}”（现有：{jurisdictions}）',
  'cli.did-you-mean': '（是不是“{name}”？）',

  'cli.status.summary': '在台账中记录某项任务的进展',
  'cli.status.description': '设置任务的状态（未开始、进行中、已完成、已取消），并可加一条注明日期的进展。\n只改动这几行：注释、键的顺序、引号和你自己的 x- 字段都保持原样。',
  'cli.status.registry': '台账文件',
  'cli.status.task-id': '任务编号（如 3.11）',
  'cli.status.status': '新状态：{choices}',
  'cli.status.choice': '{word}（{id}）',
  'cli.status.on': '发生的日期，YYYY-MM-DD（默认：今天）：已完成时作为完成日期，也是进展的日期',
  'cli.status.note': '加一条进展，写上这段说明',
  'cli.status.by': '报送进展的单位（须是台账或其单位名录中的单位）',
  'cli.status.after':
    '示例：\n' +
    '  $ safety-tasks status registries/001.yaml 3.11 已完成 --on 2024-12-20\n' +
    '  $ safety-tasks status registries/001.yaml 4.12 进行中 --note 完成矿山隐患排查 --by 市应急局',
  'cli.status.not-a-day': '{flag} {value} 不是日历上有的日子：请写成 YYYY-MM-DD',
  'cli.status.unknown-word': '没有“{word}”这种状态：可选的是 {choices}',
  'cli.status.today': '以这一天为今天（YYYY-MM-DD），默认取本机所在时区的日期',
  'cli.validate.today': '以这一天为今天（YYYY-MM-DD）检查完成日期，默认取本机所在时区的日期',
  'cli.status.on-unused': '--on 只用于“已完成”的完成日期或进展的日期：请同时给出 --note，或把状态设为已完成',
  'cli.status.by-without-note': '--by 是进展的报送单位：请同时给出 --note',
  'cli.status.no-unit': '这个台账和它的单位名录中没有单位“{unit}”{suggestion}',
  'cli.status.done': '{file}：任务 {task} 已设为{status}{on}{noted}',
  'cli.status.done-on': '（{on}）',
  'cli.status.noted': '，已记下进展',

  'cli.overdue.summary': '按单位列出截至某日逾期的任务',
  'cli.overdue.description':
    '列出完成时限已过、既未完成也未取消的任务，以及逾期天数、牵头单位、原文时限和最近一条进展；\n' +
    '再按单位汇总。没有自己时限的任务以所属通知的期末为准（显示为“期末”），\n' +
    '周期性任务（每季度……）在每个结束时没有进展的周期都算逾期。',
  'cli.overdue.paths': '台账文件，或台账所在的文件夹',
  'cli.overdue.as-of': '按哪一天判断，YYYY-MM-DD（默认：今天）；当天到期的任务还不算逾期',
  'cli.overdue.unit': '只看这个单位牵头或配合的任务（可用别名；经由某类单位的也算）',
  'cli.overdue.within': '也列出今后 N 天内到期的任务',
  'cli.overdue.role': '与 --unit 同用：只看它牵头的（lead），或只看它配合的（support）',
  'cli.overdue.jurisdiction': '只看这个辖区的台账',
  'cli.overdue.explicit-only': '只看任务自己写明的时限：不用期末，不算周期性任务',
  'cli.overdue.fail-on-overdue': '有逾期任务时退出码为 1（用于定时运行的 CI）',
  'cli.overdue.after':
    '示例：\n' +
    '  $ safety-tasks overdue registries\n' +
    '  $ safety-tasks overdue registries --as-of 2025-01-15 --explicit-only\n' +
    '  $ safety-tasks overdue registries --jurisdiction 威海市 --within 30 --format csv > 威海市.csv',
  'cli.overdue.as-of-not-a-day': '--as-of {asOf} 不是一个日期：请写成 YYYY-MM-DD',
  'cli.overdue.role-without-unit': '--role 要与 --unit 同用：说明看哪个单位牵头或配合的任务',

  'cli.ledger.summary': '任务分工台账：导出 Excel/CSV 发给各单位，再把回执导回登记表',
  'cli.ledger.description':
    '把登记表做成任务分工台账：每项任务一行，列为 序号、编号、文件、任务内容（全文）、牵头单位、配合单位、\n' +
    '完成时限、进展情况（最新在前）、状态（未开始/进行中/已完成/已取消，逾期的写“逾期”）。\n' +
    'xlsx 可直接打印下发：A4 横向、表头冻结并在每页重复、状态下拉选择、逾期行标红；隐藏的“_来源”工作表\n' +
    '记下每行对应的登记表、任务和导出时的内容，供 ledger import 核对回执。',
  'cli.ledger.registries': '登记表文件，或存放登记表的目录',
  'cli.ledger.unit': '只列这个单位牵头或配合的任务（可用别名，经由单位组的也算）',
  'cli.ledger.by-unit': '每个单位一个工作表（即发给各单位的内容）',
  'cli.ledger.as-of': '按这一天判断逾期，YYYY-MM-DD（默认今天）',
  'cli.ledger.out': '写入文件（.xlsx、.csv、.json、.md），不写则输出到标准输出',
  'cli.ledger.format': '输出格式（默认按 --out 的扩展名，未给 --out 时为 markdown）',
  'cli.ledger.after':
    '示例：\n' +
    '  $ safety-tasks ledger registries --out 台账.xlsx\n' +
    '  $ safety-tasks ledger registries --by-unit --as-of 2025-01-15 --out 分单位台账.xlsx\n' +
    '  $ safety-tasks ledger registries --unit 市应急局 --format csv > 市应急局.csv\n' +
    '  $ safety-tasks ledger import 回执/*.xlsx --into registries --dry-run\n\n' +
    '退出状态：0 完成，2 用法错误或输入无法读取。',
  'cli.ledger.unit-and-by-unit': '--unit 与 --by-unit 只能选一个',
  'cli.ledger.xlsx-to-terminal': 'xlsx 是二进制文件，不能显示在终端：请用 --out 台账.xlsx 指定文件，或用 --format markdown',
  'cli.ledger.import.summary': '把各单位填回的台账（回执）导回登记表',
  'cli.ledger.import.description':
    '读取本工具导出、各单位填好返回的 xlsx，把“进展情况”中新增的各行和“状态”写入登记表，\n' +
    '只改动这些行（与 status 命令相同）。多份回执按日期先后合并。新增、删除或挪动的行，被改动的任务内容，\n' +
    '无法识别的状态，导出后已改动的登记表：都按 工作表!单元格 报告，不会悄悄写入。',
  'cli.ledger.import.files': '回执 xlsx 文件',
  'cli.ledger.import.into': '存放登记表的目录',
  'cli.ledger.import.dry-run': '只列出将要修改的内容，不写入',
  'cli.ledger.import.after':
    '进展情况中新写的一行可以日期开头（2025-01-10 已完成排查），否则按回执保存的日期记。\n' +
    '退出状态：0 全部导入，1 有未导入或需留意的行，2 用法错误或文件无法读取。',
  'cli.ledger.import.no-registries': '--into {dir} 不是存放登记表的目录',

  'cli.review.summary': '审阅页：在通知原文上标出每项任务、牵头和配合单位、完成时限',
  'cli.review.description':
    '为每份通知写一个独立的 HTML 审阅页（不联网，可在任何电脑上用浏览器打开）：左侧是通知原文，\n' +
    '每项任务的原文、牵头单位、配合单位和完成时限都标在原文上；右侧是台账；需要核对的项目列在页首。\n' +
    '给通知文件时先提取再审阅；给台账时读取它记录的通知文件，并说明通知是否已改动。',
  'cli.review.paths': '通知文件（.txt、.md）或台账文件（.yaml、.json），或装有它们的文件夹',
  'cli.review.unreadable-folder': '无法读取这个文件夹',
  'cli.review.empty-folder': '文件夹里没有通知（.txt、.md）或台账（.yaml、.json）',
  'cli.review.cannot-render': '台账的格式有误，无法生成审阅页：请先用 safety-tasks validate 检查它',
  'cli.review.cannot-write': '无法写入这个文件夹：{reason}',
  'cli.review.source-missing': '找不到台账所记的通知文件 {file}',
  'cli.review.notice-unreadable': '无法读取通知：{reason}',
  'cli.review.source-changed': '通知文件 {file} 自台账生成后已改动（sha256 不同）',
  'cli.review.cannot-open': '无法打开浏览器：运行 {command} 失败，请手动打开写出的文件',
  'cli.review.out': '审阅页写到这个文件夹',
  'cli.review.open': '写完后用浏览器打开（多份通知时打开总览 index.html）',
  'cli.review.debug': '出现意外错误时打印出错位置',
  'cli.review.after':
    '示例：\n' +
    '  $ safety-tasks review seeds/001_b11ec0531f900c9a.txt --open\n' +
    '      提取一份通知并打开审阅页\n' +
    '  $ safety-tasks review registries --out 审阅\n' +
    '      每份台账一页，另有总览 index.html\n\n' +
    '标准输出列出写出的文件（总览在前）；提取时的提示写到标准错误。\n' +
    '退出码：0 完成，1 通知已改动或找不到，2 用法错误或文件无法读取。',

  'cli.init.summary': '建一个存放台账的仓库：单位名录、结构定义、CI 工作流和说明',
  'cli.init.description':
    '在 DIR（默认：当前文件夹）建好一个科室的台账仓库：units/ 放本辖区的单位名录，\n' +
    'schemas/ 放结构定义（台账第一行的 $schema 指向它，在任何电脑上都能找到），\n' +
    '.github/workflows/ 放检查台账的 CI 工作流，另有一份中文说明 README.md。已有的文件不会被覆盖。',
  'cli.init.dir': '仓库所在的文件夹（默认：当前文件夹）',
  'cli.init.jurisdiction': '本科室的辖区（如 威海市）：有随附名录的用随附名录，否则写一个名录模板',
  'cli.init.after':
    '示例：\n' +
    '  $ safety-tasks init 安全生产台账 --jurisdiction 威海市\n' +
    '  $ cd 安全生产台账 && safety-tasks extract notices --out registries && safety-tasks validate registries',
  'cli.init.created': '已建好 {dir}：{files}',
  'cli.init.kept': '已存在，未改动：{files}',
  'cli.init.next': '下一步：把通知放进 notices/，运行 safety-tasks extract notices --out registries',
  'cli.init.not-a-directory': '{dir} 不是文件夹',
  'cli.init.cannot-write': '无法写入 {file}：{reason}',
} satisfies Record<string, Entry>;

export const en: Record<keyof typeof zh, Entry> = {
  'cli.description': 'Turn work-safety notices into task registries (任务分工台账), check them and report on them.',
  'cli.help-after-error': '(run with --help for usage)',
  'cli.error-prefix': '{command}: ',
  'cli.internal-error': 'safety-tasks: internal error: {message} (run again with --debug to see where)',
  'cli.option.help': 'display help for command',
  'cli.option.version': 'output the version number',
  'cli.option.lang': 'language of messages: zh Chinese (default), en English',
  'cli.command.help': 'display help for a command',
  'cli.title.Usage:': 'Usage:',
  'cli.title.Arguments:': 'Arguments:',
  'cli.title.Options:': 'Options:',
  'cli.title.Commands:': 'Commands:',
  'cli.title.Global Options:': 'Global Options:',
  'cli.usage.options': '[options]',
  'cli.usage.command': '[command]',
  'cli.help.choices': 'choices: {choices}',
  'cli.help.default': 'default: {value}',
  'cli.help.separator': ', ',
  'cli.help.extras': ' ({extras})',
  'cli.commander.unknown-option': 'unknown option {option}{suggestion}',
  'cli.commander.unknown-command': 'unknown command {command}{suggestion}',
  'cli.commander.suggestion': ' (did you mean {names}?)',
  'cli.commander.missing-argument': 'missing required argument <{argument}>',
  'cli.commander.option-missing-argument': 'option {option} needs a value',
  'cli.commander.missing-mandatory-option': 'option {option} is required',
  'cli.commander.invalid-option-value': "option {option}: '{value}' is invalid: {reason}",
  'cli.commander.invalid-argument-value': "argument <{argument}>: '{value}' is invalid: {reason}",
  'cli.commander.excess-arguments': 'too many arguments: expected {expected}, got {received}',
  'cli.commander.allowed-choices': 'allowed choices are {choices}',
  'cli.commander.error': 'error: {message}',
  'cli.whole-number': 'give a whole number',
  'cli.positive-number': 'give a whole number from 1',
  'cli.positive-seconds': 'give a number of seconds above 0 (30, 0.5)',
  'cli.units-help': 'units directory: one file used for every registry, or a folder matched by jurisdiction (default: the shipped units/)',
  'cli.format': 'output format',
  'cli.examples': 'Examples:',
  'cli.list-separator': ', ',

  'cli.extract.summary': 'read notices into YAML task registries',
  'cli.extract.description':
    'Read work-safety notices and write one task registry per notice: document metadata, then every task with its id,\n' +
    'text, lead and support units, deadline and where it stands. Reads text, Markdown, web pages (.html, GB2312/GBK too),\n' +
    'Word (.docx), PDF with a text layer and task tables (.xlsx, .csv), known by their bytes; .doc, .wps, .xls and images get the command that converts them.',
  'cli.extract.paths': 'notice files, or directories (every file in them but hidden ones and sub-folders)',
  'cli.extract.out': 'write <dir>/<name>.yaml for each notice instead of printing',
  'cli.extract.update': 'where <dir>/<name>.yaml exists, merge the notice into it: text, units and deadlines anew, status and progress kept',
  'cli.extract.force': 'where <dir>/<name>.yaml exists, replace it',
  'cli.extract.jobs': 'worker threads to extract with (default: one per core, at most 4, for more than 8 files)',
  'cli.extract.debug': 'print the stack of an unexpected error',
  'cli.timeout-per-file': 'seconds one file may take (default: 10, and 4 more per MB); a file past it is reported and the others go on',
  'cli.extract.after':
    '  $ safety-tasks extract notices/notice.txt                     print one registry as YAML\n' +
    '  $ safety-tasks extract notices --format json > all.json       every notice, as a JSON array\n' +
    '  $ safety-tasks extract notices --out registries               write registries/<name>.yaml\n' +
    '  $ safety-tasks extract notices --out registries --update      re-read the notices, keep progress\n\n' +
    'Warnings (a gap in the numbering, an item without a responsibility clause, a unit list that could not be split)\n' +
    'go to stderr as file:line:column; stdout carries only registries.\n' +
    'Exit status: 0 done (warnings or not), 1 a notice gave errors, 2 bad usage or unreadable input.',
  'cli.extract.update-and-force': '--update and --force exclude each other: --update merges and keeps progress, --force replaces',
  'cli.extract.dry-run': 'with --update: list what it would do (kept, renumbered, changed, added, gone, conflicts), write nothing',
  'cli.extract.discard-progress': 'with --force: replace even a registry holding recorded progress (the progress is lost)',
  'cli.extract.dry-run-alone': '--dry-run goes with --out and --update only: it lists what the update would do and writes nothing',
  'cli.extract.discard-alone': '--discard-progress goes with --force only',
  'cli.extract.needs-out': '{option} only acts when writing to a folder: give --out <dir> too',
  'cli.extract.update-json': '--update merges YAML registries only: replace a JSON registry with --force',

  'cli.validate.summary': 'check registries against the schema, the units directory and the rules',
  'cli.validate.description':
    'Check task registries as CI does when someone edits one: YAML syntax, the registry schema,\n' +
    "unit names against the units directory of the registry's jurisdiction, and the rules below.\n" +
    'Each problem is reported at the file, line and column of the node that causes it.',
  'cli.validate.paths': 'registry files, or directories whose .yaml, .yml and .json files are read',
  'cli.validate.max-warnings': 'fail when there are more warnings than this',
  'cli.validate.after':
    'Rules: unknown-unit, duplicate-task-id, missing-lead, lead-and-support, impossible-date,\n' +
    'deadline-before-document, done-without-date, done-in-future, source-changed, source-outside,\n' +
    'source-unreadable, no-units-directory, merge-conflict, time-limit; the schema gives unknown-key, missing-field, wrong-type, invalid-format, invalid-value; yaml-syntax.\n' +
    'source.path is read and compared only when it names a regular file of at most 10 MB inside this repository (the git top level, else the registry\'s folder).\n\n' +
    'Examples:\n' +
    '  $ safety-tasks validate registries                       every registry in a folder\n' +
    '  $ safety-tasks validate registries --format github       annotations for a GitHub pull request\n' +
    '  $ safety-tasks validate r.yaml --units my-units.yaml --max-warnings 0\n\n' +
    'Exit status: 0 clean, 1 errors (or more warnings than --max-warnings), 2 an input cannot be read.',

  'cli.units.summary': 'list the units the registries name, what each carries, and names the directory does not know',
  'cli.units.paths': 'registry files, or directories of them',
  'cli.units.unknown': 'list only names the units directory does not know, where they occur and the closest known name',
  'cli.units.suggest': 'print proposed alias entries for the units file, as YAML ready to paste',
  'cli.units.after':
    'Units are counted per jurisdiction: 市应急局 of 威海市 and of 滕州市 are different bodies.\n\n' +
    'Examples:\n' +
    '  $ safety-tasks units registries\n' +
    '  $ safety-tasks units registries --unknown\n' +
    '  $ safety-tasks units registries --suggest >> proposed-aliases.yaml\n\n' +
    'Exit status: 0 done, 1 --unknown or --suggest found something, 2 an input cannot be read.',
  'cli.units.suggest-and-unknown': '--suggest and --unknown exclude each other',
  'cli.units.suggest-format': '--suggest always prints YAML: it does not take --format {format}',
  'cli.units.add-to': '# {jurisdiction}: add to {file}',

  'cli.matrix.summary': 'print responsibility matrices (任务分工表): for a unit, a notice, or units × notices',
  'cli.matrix.paths': 'registry files, or directories of them',
  'cli.matrix.unit': 'every task this unit leads or supports (an alias works), with the other units on it',
  'cli.matrix.doc': 'one notice as a grid: tasks × units, ● lead, ○ support, totals per unit',
  'cli.matrix.jurisdiction': 'only registries of this jurisdiction',
  'cli.matrix.role': 'only this role: lead or support',
  'cli.matrix.after':
    'A task assigned to a group (负有安全生产监管职责的各有关部门) appears for each member the units\n' +
    'directory lists, marked with the group it comes through. Several jurisdictions give one section each.\n' +
    'The table fits the terminal (a wide one is split, the file and task columns repeated); csv opens in Excel.\n\n' +
    'Examples:\n' +
    '  $ safety-tasks matrix registries --unit 市应急局\n' +
    '  $ safety-tasks matrix registries --doc 004_65114f20cbda8ae2\n' +
    '  $ safety-tasks matrix registries --jurisdiction 威海市 --format csv > 威海市.csv',
  'cli.matrix.doc-and-unit': '--doc and --unit exclude each other: --unit for one unit\'s tasks, --doc for one notice\'s grid',
  'cli.no-unit': 'no unit "{unit}" in these registries or the units directories{suggestion}',
  'cli.matrix.no-doc': 'no document "{doc}" in these registries (they hold: {ids})',
  'cli.no-jurisdiction': 'no registries of jurisdiction "{jurisdiction}" (they are of: {jurisdictions})',
  'cli.did-you-mean': ' (did you mean "{name}"?)',

  'cli.status.summary': "record a task's progress in its registry",
  'cli.status.description':
    "Set a task's status (open, in_progress, done, dropped) and add a dated progress note.\n" +
    'Only those lines of the registry change: comments, key order, quoting and your x- fields stay as they are.',
  'cli.status.registry': 'the registry file',
  'cli.status.task-id': 'the task, by its id (3.11)',
  'cli.status.status': 'the new status: {choices}',
  'cli.status.choice': '{id}',
  'cli.status.on': 'the day it happened, YYYY-MM-DD (default: today): done_on for done, and the date of the note',
  'cli.status.note': 'add a progress entry with this note',
  'cli.status.by': 'the unit reporting the progress (must be named in the registry or its units directory)',
  'cli.status.after':
    'Examples:\n' +
    '  $ safety-tasks status registries/001.yaml 3.11 done --on 2024-12-20\n' +
    '  $ safety-tasks status registries/001.yaml 4.12 in_progress --note 完成矿山隐患排查 --by 市应急局',
  'cli.status.not-a-day': '{flag} {value} is not a day of the calendar: write it YYYY-MM-DD',
  'cli.status.unknown-word': 'there is no status "{word}": choose one of {choices}',
  'cli.status.today': 'take this day (YYYY-MM-DD) as today; by default the local date of this machine',
  'cli.validate.today': 'check done_on against this day (YYYY-MM-DD) as today; by default the local date of this machine',
  'cli.status.on-unused': '--on dates a task done or a progress note: give --note too, or set the status to done',
  'cli.status.by-without-note': '--by names who reports progress: give --note too',
  'cli.status.no-unit': 'no unit "{unit}" in this registry or its units directory{suggestion}',
  'cli.status.done': '{file}: task {task} is {status}{on}{noted}',
  'cli.status.done-on': ' on {on}',
  'cli.status.noted': ', progress noted',

  'cli.overdue.summary': 'report what is late as of a date, by unit',
  'cli.overdue.description':
    'List tasks whose deadline has passed and that are neither done nor dropped, with the days overdue,\n' +
    'the lead units, the deadline as printed and the last progress note; then a summary per unit.\n' +
    "A task without a deadline of its own falls back on its notice's period end (shown as period end), and a\n" +
    'recurring duty (每季度…) is overdue for each whole period that ended with no progress dated inside it.',
  'cli.overdue.paths': 'registry files, or directories of them',
  'cli.overdue.as-of': 'the day to judge by, YYYY-MM-DD (default: today); a task due that day is not yet late',
  'cli.overdue.unit': 'only tasks this unit leads or supports (an alias works; groups count)',
  'cli.overdue.within': 'also list tasks due in the next N days',
  'cli.overdue.role': 'with --unit: only tasks it leads, or only those it supports',
  'cli.overdue.jurisdiction': 'only registries of this jurisdiction',
  'cli.overdue.explicit-only': 'only deadlines the tasks state: no period ends, no recurring duties',
  'cli.overdue.fail-on-overdue': 'exit 1 when anything is overdue (for a scheduled CI job)',
  'cli.overdue.after':
    'Examples:\n' +
    '  $ safety-tasks overdue registries\n' +
    '  $ safety-tasks overdue registries --as-of 2025-01-15 --explicit-only\n' +
    '  $ safety-tasks overdue registries --jurisdiction 威海市 --within 30 --format csv > 威海市.csv',
  'cli.overdue.as-of-not-a-day': '--as-of {asOf} is not a day: write it YYYY-MM-DD',
  'cli.overdue.role-without-unit': '--role goes with --unit: say whose tasks it leads or supports',

  'cli.ledger.summary': 'the task ledger (任务分工台账): export Excel/CSV for the units, then bring their returns back into the registries',
  'cli.ledger.description':
    'Make the registries into a task ledger: one row a task, with the columns 序号, 编号, 文件, 任务内容 (in full), 牵头单位, 配合单位, 完成时限, 进展情况 (latest first) and 状态 (未开始/进行中/已完成/已取消, or 逾期 when late). The xlsx prints as it is: A4 landscape, the header frozen and repeated on every page, 状态 as a drop-down, late rows in red; a hidden sheet "_来源" records each row\'s registry, task and the values it was sent with, for ledger import to check a return against.',
  'cli.ledger.registries': 'registry files, or a folder of them',
  'cli.ledger.unit': 'only the tasks this unit leads or supports (an alias will do; through a unit group counts too)',
  'cli.ledger.by-unit': 'one sheet a unit (what is sent to each unit)',
  'cli.ledger.as-of': 'the day that decides what is late, YYYY-MM-DD (default today)',
  'cli.ledger.out': 'write to this file (.xlsx, .csv, .json, .md); without it, to standard output',
  'cli.ledger.format': 'the output format (by default from the extension of --out; markdown without --out)',
  'cli.ledger.after':
    'Examples:\n' +
    '  $ safety-tasks ledger registries --out 台账.xlsx\n' +
    '  $ safety-tasks ledger registries --by-unit --as-of 2025-01-15 --out 分单位台账.xlsx\n' +
    '  $ safety-tasks ledger registries --unit 市应急局 --format csv > 市应急局.csv\n' +
    '  $ safety-tasks ledger import 回执/*.xlsx --into registries --dry-run\n\n' +
    'Exit status: 0 done, 2 bad usage or unreadable input.',
  'cli.ledger.unit-and-by-unit': '--unit and --by-unit: choose one',
  'cli.ledger.xlsx-to-terminal': 'xlsx is a binary file and cannot be shown on a terminal: name a file with --out 台账.xlsx, or use --format markdown',
  'cli.ledger.import.summary': 'bring the ledgers the units filled in (回执) back into the registries',
  'cli.ledger.import.description':
    'Read the xlsx this tool exported and a unit filled in and returned, and write the new lines of 进展情况 and the 状态 into the registries, changing only those lines (as the status command does). Several returns are merged in date order. Rows added, deleted or moved, task text changed, a status not understood, a registry changed since the export: each is reported at sheet!cell, never written silently.',
  'cli.ledger.import.files': 'returned xlsx files',
  'cli.ledger.import.into': 'the folder of the registries',
  'cli.ledger.import.dry-run': 'list what would change, write nothing',
  'cli.ledger.import.after':
    'A new line of 进展情况 may begin with its date (2025-01-10 已完成排查); otherwise it is dated the day the return was saved.\n' +
    'Exit status: 0 all imported, 1 rows not imported or worth a look, 2 bad usage or unreadable files.',
  'cli.ledger.import.no-registries': '--into {dir} is not a folder of registries',

  'cli.review.summary': 'review pages: each task, its lead and support units and its deadline marked on the notice',
  'cli.review.description':
    'Write one self-contained HTML review page a notice (no network; opens in any browser): the notice on the left, with each task\'s text, lead units, support units and deadline marked on it; the registry on the right; what to check listed at the top. Given notices, it extracts them first; given registries, it reads the notice each names and says whether the notice has changed.',
  'cli.review.paths': 'notice files (.txt, .md) or registries (.yaml, .json), or folders of them',
  'cli.review.unreadable-folder': 'cannot read this folder',
  'cli.review.empty-folder': 'no notice (.txt, .md) or registry (.yaml, .json) in this folder',
  'cli.review.cannot-render': 'the registry is malformed and no review page can be made of it: check it with safety-tasks validate first',
  'cli.review.cannot-write': 'cannot write into this folder: {reason}',
  'cli.review.source-missing': 'the notice file the registry names is not there: {file}',
  'cli.review.notice-unreadable': 'cannot read the notice: {reason}',
  'cli.review.source-changed': 'notice file {file} has changed since the registry was made (its sha256 differs)',
  'cli.review.cannot-open': 'cannot open a browser: running {command} failed; open the files written yourself',
  'cli.review.out': 'write the pages into this folder',
  'cli.review.open': 'open them in a browser when written (the overview index.html for several notices)',
  'cli.review.debug': 'print where an unexpected error happened',
  'cli.review.after':
    'Examples:\n' +
    '  $ safety-tasks review seeds/001_b11ec0531f900c9a.txt --open\n' +
    '      extract one notice and open its page\n' +
    '  $ safety-tasks review registries --out 审阅\n' +
    '      one page a registry, and an overview index.html\n\n' +
    'Standard output lists the files written (the overview first); what extraction noticed goes to standard error.\n' +
    'Exit status: 0 done, 1 a notice changed or not found, 2 bad usage or unreadable files.',

  'cli.init.summary': 'set up a repository of registries: units directory, schemas, CI workflow and README',
  'cli.init.description':
    "Set up an office's repository of registries in DIR (default: here): units/ with the units directory of\n" +
    'its jurisdiction, schemas/ (which the $schema line of each registry points at, on any machine),\n' +
    'the CI workflow that checks registries in .github/workflows/, and a README in Chinese. Existing files are kept.',
  'cli.init.dir': 'the folder of the repository (default: the current folder)',
  'cli.init.jurisdiction': "the office's jurisdiction (威海市): the shipped units directory where there is one, else a template",
  'cli.init.after':
    'Examples:\n' +
    '  $ safety-tasks init registry-repo --jurisdiction 威海市\n' +
    '  $ cd registry-repo && safety-tasks extract notices --out registries && safety-tasks validate registries',
  'cli.init.created': 'set up {dir}: {files}',
  'cli.init.kept': 'there already, left as they are: {files}',
  'cli.init.next': 'next: put notices in notices/ and run safety-tasks extract notices --out registries',
  'cli.init.not-a-directory': '{dir} is not a directory',
  'cli.init.cannot-write': 'cannot write {file}: {reason}',
};
