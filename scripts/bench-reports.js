// `npm run bench`, reports part (issue 17): validate, matrix, overdue and units on
// 1,000 and 10,000 registries, and overdue and matrix --doc on one registry of
// 100,000 tasks, each against reading and parsing the same files with the yaml
// package alone. Times are the CPU time (user + system) of each process: on a
// machine shared with other jobs it moves far less than wall time. Runs of a
// figure and of its baseline alternate; the median is taken.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';

const BIN = 'bin/safety-tasks.js';
/** prints the process's CPU time (user + system, ms) to stderr as it exits */
export const CPU_HOOK = `data:text/javascript,${encodeURIComponent("process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('\\ncpu-ms ' + (u.user + u.system) / 1000 + '\\n'); })")}`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function cpuTime(args) {
  const result = spawnSync(process.execPath, ['--import', CPU_HOOK, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed (${result.status ?? result.signal}): ${result.stderr.slice(-2000)}`);
  return Number(/cpu-ms ([\d.]+)/.exec(result.stderr)[1]);
}

/** Median CPU times of a command and of parsing its input alone, run in turn. */
function against(args, folder, runs) {
  const parseAlone = ['--input-type=module', '-e', `import{readdirSync,readFileSync}from'node:fs';import{parse}from'yaml';for(const f of readdirSync(${JSON.stringify(folder)}))parse(readFileSync(${JSON.stringify(folder)}+'/'+f,'utf8'))`];
  const mine = [];
  const baseline = [];
  for (let i = 0; i < runs; i++) {
    baseline.push(cpuTime(parseAlone));
    mine.push(cpuTime(args));
  }
  return { time: median(mine), parse: median(baseline) };
}

/** `count` registries made from the answer-key registries: a dozen tasks each, the window moving so they differ. */
function writeRegistries(folder, count) {
  mkdirSync(folder, { recursive: true });
  const seeds = readdirSync('test/fixtures/seeds').sort().map((f) => parse(readFileSync(path.join('test/fixtures/seeds', f), 'utf8')));
  for (let i = 0; i < count; i++) {
    const seed = seeds[i % seeds.length];
    const from = Math.floor(i / seeds.length) % Math.max(1, seed.tasks.length - 12);
    const id = `${seed.document.id}-${i}`;
    writeFileSync(path.join(folder, `${id}.yaml`), stringify({ ...seed, document: { ...seed.document, id }, tasks: seed.tasks.slice(from, from + 12) }, { aliasDuplicateObjects: false }));
  }
}

/**
 * One registry of `count` tasks: one notice's tasks again and again, renumbered,
 * texts cut to a line and no spans, so parsing is cheap next to the report's own work.
 */
function writeBigRegistry(folder, count) {
  mkdirSync(folder, { recursive: true });
  const seed = parse(readFileSync('test/fixtures/seeds/004_65114f20cbda8ae2.yaml', 'utf8'));
  const tasks = [];
  for (let round = 1; tasks.length < count; round++) {
    for (const task of seed.tasks) if (tasks.length < count) tasks.push({ ...task, id: `${round}.${task.id}`, text: task.text.slice(0, 60), spans: undefined });
  }
  writeFileSync(path.join(folder, 'big.yaml'), stringify({ ...seed, document: { ...seed.document, id: 'big' }, tasks }, { aliasDuplicateObjects: false }));
}

export function benchReports({ work, row, runs = 3, counts = [1000, 10000], bigTasks = 100000 }) {
  const [small, large] = counts;
  const folders = Object.fromEntries(counts.map((n) => [n, path.join(work, `registries-${n}`)]));
  for (const n of counts) writeRegistries(folders[n], n);
  const commands = {
    validate: (folder) => [BIN, 'validate', folder],
    matrix: (folder) => [BIN, 'matrix', folder],
    overdue: (folder) => [BIN, 'overdue', folder, '--as-of', '2026-01-01'],
    units: (folder) => [BIN, 'units', folder],
  };
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  for (const [name, args] of Object.entries(commands)) {
    const few = against(args(folders[small]), folders[small], runs);
    const many = against(args(folders[large]), folders[large], runs);
    row(`${name}, ${small.toLocaleString('en')} registries`, s(few.time), `yaml parse ${s(few.parse)}`, few.time / few.parse, '≤ 1.3×', few.time / few.parse <= 1.3);
    row(`${name}, ${large.toLocaleString('en')} registries`, s(many.time), `yaml parse ${s(many.parse)}`, many.time / many.parse, '≤ 1.3×', many.time / many.parse <= 1.3);
    // per registry, the larger run against the smaller: 1.0 is linear
    const growth = (many.time / large) / (few.time / small);
    const exponent = Math.log(many.time / few.time) / Math.log(large / small);
    row(`${name}: growth ${small.toLocaleString('en')} → ${large.toLocaleString('en')} (per registry; exponent ${exponent.toFixed(2)})`, `×${(many.time / few.time).toFixed(1)}`, `×${large / small} registries`, growth, '≤ 1.3×', growth <= 1.3);
  }
  const big = path.join(work, 'big');
  writeBigRegistry(big, bigTasks);
  const file = path.join(big, 'big.yaml');
  for (const [name, args] of Object.entries({ 'overdue (table)': [BIN, 'overdue', file, '--as-of', '2026-01-01'], 'matrix --doc (table)': [BIN, 'matrix', file, '--doc', 'big'] })) {
    const result = against(args, big, runs);
    row(`${name}, one registry of ${bigTasks.toLocaleString('en')} tasks`, s(result.time), `yaml parse ${s(result.parse)}`, result.time / result.parse, '≤ 1.5×', result.time / result.parse <= 1.5);
  }
}

// run alone: `node scripts/bench-reports.js` (after a build), with BENCH_REPORT_SCALE=0.01 for a quick try
if (import.meta.url === `file://${process.argv[1]}`) {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const scale = Number(process.env.BENCH_REPORT_SCALE ?? 1);
  const work = mkdtempSync(path.join(tmpdir(), 'safety-tasks-bench-reports-'));
  const rows = [];
  benchReports({
    work,
    runs: Number(process.env.BENCH_RUNS ?? 3),
    counts: [Math.max(2, Math.round(1000 * scale)), Math.max(20, Math.round(10000 * scale))],
    bigTasks: Number(process.env.BENCH_BIG_TASKS ?? Math.max(100, Math.round(100000 * scale))),
    row: (figure, value, baseline, ratio, target, met) => rows.push({ figure, value, baseline, ratio: ratio.toFixed(2), target, met: met ? 'yes' : 'NO' }),
  });
  rmSync(work, { recursive: true, force: true });
  const columns = ['figure', 'value', 'baseline', 'ratio', 'target', 'met'];
  console.log(`| ${columns.join(' | ')} |\n| ${columns.map(() => '---').join(' | ')} |`);
  for (const r of rows) console.log(`| ${columns.map((c) => r[c]).join(' | ')} |`);
}
