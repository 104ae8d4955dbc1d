/**
 * The style and the script every review page carries inline (a page opens
 * from a USB stick, with no network). Marks differ by line style and a small
 * label as well as by colour (Okabe–Ito colours, safe for colour-blind readers).
 */

export const PAGE_STYLE = `
:root{--lead:#0072B2;--support:#E69F00;--deadline:#D55E00;--text:#eef3f7;--on:#F0E442;--ink:#1a1a1a;--dim:#5a5a5a;--line:#d0d0d0;
font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",system-ui,sans-serif;color:var(--ink);background:#fff}
*{box-sizing:border-box}
html,body{height:100%;margin:0}
body{display:flex;flex-direction:column}
header{flex:none;max-height:42vh;overflow:auto;padding:.6rem 1rem;border-bottom:2px solid var(--line)}
h1{font-size:1.3rem;margin:0 0 .3rem}
h2{font-size:1rem;margin:.4rem 0}
.facts span{margin-right:1.2em}.facts b{color:var(--dim);font-weight:normal}
.source{margin:.3rem 0;padding:.3rem .6rem;border-left:4px solid}
.source.ok{border-color:#009E73;background:#f0f8f4}
.source.bad{border-color:var(--deadline);background:#fdf0e8;font-weight:bold}
#flags ol{margin:.2rem 0;padding-left:2em;max-height:12rem;overflow:auto}
#flags li{margin:.15rem 0}
#flags li.error::marker{content:"✖ "}#flags li.warning::marker{content:"⚠ "}#flags li.info::marker{content:"ⓘ "}
.rule{display:inline-block;padding:0 .3em;border:1px solid var(--dim);border-radius:3px;font-size:.85em}
.clean{color:var(--dim)}
.legend{margin:.4rem 0 0;font-size:.9rem}.legend .m{margin-right:.6em}
.keys{color:var(--dim);margin-left:1em}
main{flex:1;min-height:0;display:grid;grid-template-columns:minmax(0,11fr) minmax(0,9fr)}
#notice,#tasks{overflow:auto;padding:0 1rem 2rem}
#notice{border-right:2px solid var(--line)}
#notice h2,#tasks h2{position:sticky;top:0;background:#fff;padding:.3rem 0;z-index:1}
.text{font-family:"FangSong","STFangsong","FangSong_GB2312","Noto Serif CJK SC","Source Han Serif SC","Songti SC",serif;font-size:1.05rem;line-height:1.9}
.l{position:relative;padding-left:3.4em;min-height:1.9em;white-space:pre-wrap;overflow-wrap:anywhere}
.l::before{content:attr(data-n);position:absolute;left:0;width:2.8em;text-align:right;color:var(--dim);font-family:ui-monospace,monospace;font-size:.75em;line-height:2.5}
.l:target{background:#fff8c4;outline:2px dashed var(--dim)}
.m{cursor:pointer}
.m-t{background:var(--text)}
.m-l{border-bottom:3px solid var(--lead);font-weight:bold}
.m-s{border-bottom:2px dashed var(--support)}
.m-d{outline:1.5px solid var(--deadline);outline-offset:-1px}
.f-l::before,.f-s::before,.f-d::before{font-family:system-ui,sans-serif;font-size:.7em;font-weight:bold;color:#fff;padding:0 .2em;margin-right:.15em;border-radius:2px;vertical-align:.15em}
.f-l::before{content:"牵";background:var(--lead)}
.f-s::before{content:"配";background:#8a5a00}
.f-d::before{content:"限";background:var(--deadline)}
.m.hover{background:#fbf6c9}
.m.on{background:var(--on);box-shadow:0 2px 0 #000}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid var(--line);padding:.25rem .35rem;vertical-align:top;text-align:left}
thead th{background:#f2f2f2;position:sticky;top:2.2rem;z-index:1}
tbody tr{cursor:pointer;scroll-margin-top:5rem}
tbody tr:hover{background:#fbf6c9}
tbody tr[aria-current]{background:var(--on);outline:3px solid #000;outline-offset:-3px}
td.task{min-width:10em}td.task div{display:-webkit-box;-webkit-line-clamp:3;-webkit-box-orient:vertical;overflow:hidden}
tbody th,td.status,td.form{white-space:nowrap}
td.lead{font-weight:bold}td.deadline{min-width:6.5em}
.date{color:var(--dim);font-size:.85em}
.weak{color:var(--deadline);font-weight:bold}
#current{font-weight:normal;color:var(--dim);margin-left:1em}
@media print{
:root{print-color-adjust:exact;-webkit-print-color-adjust:exact}
html,body{height:auto}body{display:block}
header,#flags ol{max-height:none;overflow:visible}
main{display:block}
#notice,#tasks{overflow:visible;border:0;padding:0}
#tasks{break-before:page}
#notice h2,#tasks h2,thead th{position:static}
.keys,#current{display:none}
td.task div{display:block}
tr{break-inside:avoid}
a{color:inherit;text-decoration:none}
}
`;

export const PAGE_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('review-data').textContent);
  var rows = Array.prototype.slice.call(document.querySelectorAll('#tasks tbody tr[data-i]'));
  var current = document.getElementById('current');
  var byTask = rows.map(function () { return []; });
  Array.prototype.forEach.call(document.querySelectorAll('#notice .m[data-s]'), function (el) {
    el.getAttribute('data-s').split(' ').forEach(function (key) {
      var i = Number(key.split(':')[0]);
      if (byTask[i] && byTask[i].indexOf(el) < 0) byTask[i].push(el);
    });
  });
  var selected = -1;
  function clear(cls) {
    Array.prototype.forEach.call(document.querySelectorAll('#notice .' + cls), function (el) { el.classList.remove(cls); });
  }
  function mark(i, cls) {
    clear(cls);
    (byTask[i] || []).forEach(function (el) { el.classList.add(cls); });
  }
  function showInNotice(i) {
    var target = (byTask[i] || [])[0] || document.getElementById('L' + data.tasks[i].line);
    if (target) target.scrollIntoView({ block: 'center' });
  }
  function select(i, scrollRow) {
    if (i < 0 || i >= rows.length) return;
    if (selected >= 0) rows[selected].removeAttribute('aria-current');
    selected = i;
    rows[i].setAttribute('aria-current', 'true');
    mark(i, 'on');
    showInNotice(i);
    if (scrollRow) rows[i].scrollIntoView({ block: 'nearest' });
    current.textContent = data.words.selected.replace('{id}', data.tasks[i].id);
    if (history.replaceState) history.replaceState(null, '', '#t' + i);
  }
  rows.forEach(function (row, i) {
    row.addEventListener('click', function (event) { event.preventDefault(); select(i, false); });
    row.addEventListener('mouseenter', function () { mark(i, 'hover'); showInNotice(i); });
    row.addEventListener('mouseleave', function () { clear('hover'); });
  });
  document.getElementById('notice').addEventListener('click', function (event) {
    var el = event.target.closest ? event.target.closest('.m[data-s]') : null;
    if (!el) return;
    var tasks = [];
    el.getAttribute('data-s').split(' ').forEach(function (key) {
      var i = Number(key.split(':')[0]);
      if (tasks.indexOf(i) < 0) tasks.push(i);
    });
    // a stretch several tasks share: each click moves on to the next of them
    var at = tasks.indexOf(selected);
    select(tasks[(at + 1) % tasks.length], true);
  });
  Array.prototype.forEach.call(document.querySelectorAll('#flags a.to'), function (a) {
    a.addEventListener('click', function (event) { event.preventDefault(); select(Number(a.getAttribute('data-i')), true); });
  });
  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var tag = event.target && event.target.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
    var step = event.key === 'j' || event.key === 'ArrowDown' ? 1 : event.key === 'k' || event.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    select(selected < 0 ? (step > 0 ? 0 : rows.length - 1) : Math.max(0, Math.min(rows.length - 1, selected + step)), true);
  });
  var hash = /^#t(\\d+)$/.exec(location.hash);
  if (hash) select(Number(hash[1]), true);
})();
`;
