/** The overview page when several notices are reviewed: one line per notice, a link to its page. */
import { forHtml } from '../format/escape.js';
import { cspHash, type SourceState } from './page.js';
import { OVERVIEW_WORDS as W, PAGE_WORDS } from './words.js';

export interface OverviewLine {
  title: string;
  /** the page's file name, relative to the overview */
  href: string;
  tasks: number;
  units: string[];
  flagged: number;
  source: { state: SourceState; path: string };
}

const STYLE = `
body{font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",system-ui,sans-serif;margin:1rem 1.5rem;color:#1a1a1a}
h1{font-size:1.3rem}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #d0d0d0;padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f2f2f2;white-space:nowrap}
td:first-child{min-width:16em}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.units{font-size:.9rem;color:#333}
.bad{color:#D55E00;font-weight:bold}
`;

export function overviewPage(lines: OverviewLine[]): string {
  const rows = lines
    .map((line) => {
      const bad = line.source.state === 'changed' || line.source.state === 'missing';
      return (
        `<tr><td><a href="${forHtml(encodeURI(line.href))}">${forHtml(line.title)}</a></td>` +
        `<td class="n">${line.tasks}</td>` +
        `<td class="units">${W.unitsCount(line.units.length)}：${line.units.map(forHtml).join('、') || PAGE_WORDS.none}</td>` +
        `<td class="n${line.flagged ? ' bad' : ''}">${line.flagged}</td>` +
        `<td${bad ? ' class="bad"' : ''}>${forHtml(line.source.path)}（${W.source[line.source.state]}）</td></tr>`
      );
    })
    .join('\n');
  const csp = `default-src 'none'; style-src ${cspHash(STYLE)}; base-uri 'none'`;
  return `<!DOCTYPE html>
<html lang="${PAGE_WORDS.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${W.title}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${W.title}</h1>
<p>${W.intro(lines.length)}</p>
<table>
<thead><tr><th scope="col">${W.columns.notice}</th><th scope="col">${W.columns.tasks}</th><th scope="col">${W.columns.units}</th><th scope="col">${W.columns.flagged}</th><th scope="col">${W.columns.source}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
