// Hostile inputs of issue 17, generated at a size n: the shapes that made a
// super-linear extractor hang. The bench measures their growth from n to 8n,
// the properties test bounds their time.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const seedsFolder = new URL('../seeds/', import.meta.url);
const seeds = readdirSync(seedsFolder).sort().map((name) => readFileSync(new URL(name, seedsFolder), 'utf8'));
const seed = seeds[0];
/** A line put into the middle of a seed, where a page's table of contents or a scraper's padding would stand. */
const inSeed = (line) => {
  const at = seed.indexOf('\n', Math.floor(seed.length / 2));
  return `${seed.slice(0, at)}\n${line}\n${seed.slice(at + 1)}`;
};

/** Each shape: its name, and the notice it makes at size n (n counts the repeated characters, lines or copies). */
export const HOSTILE_SHAPES = {
  'spaces + … leaders': (n) => inSeed(`${' '.repeat(n)}${'…'.repeat(n)}`),
  'spaces + . leaders': (n) => inSeed(`${' '.repeat(n)}${'.'.repeat(n)}`),
  'spaces between words': (n) => inSeed(`加强${' '.repeat(n)}监管`),
  '、 run': (n) => inSeed(`1.加强监管（市应急局${'、'.repeat(n)}市公安局负责）`),
  'brackets': (n) => inSeed(`1.加强监管${'（'.repeat(n)}市应急局负责${'）'.repeat(n)}`),
  'digits': (n) => inSeed(`${'1'.repeat(n)}.${'2'.repeat(n)}、${'3'.repeat(n)}年${'4'.repeat(n)}月`),
  'spaces before clauses': (n) => `一、重点任务\n1.加强监管${' '.repeat(n)}${'（市应急局负责）'.repeat(50)}\n`,
  'run-on line': (n) => seeds.join('\n').repeat(Math.ceil(n / 100)).replace(/\n/g, ' ').slice(0, n * 100),
  'repeated lines': (n) => '各地要加强安全生产监管，确保不发生事故。\n'.repeat(n),
  'blank lines': (n) => inSeed('\n'.repeat(n)),
  'huge heading': (n) => `一、${'加强安全生产监管'.repeat(Math.ceil(n / 8))}\n${Array.from({ length: 40 }, (_, i) => `${i + 1}.落实责任（市应急局负责）`).join('\n')}\n`,
  'seeds repeated': (n) => seeds.join('\n').repeat(Math.max(1, Math.round(n / 100))),
};

/**
 * The size of each shape that was slow before issue 17 (seconds to minutes:
 * 2,000 `…` took 5 s, 4,000 dots 20 s, 16,000 spaces before clauses 12 s, a
 * 2.5 MB notice of repeated lines 106 s). 8× of it is the acceptance size, but
 * never past the 10 MB a notice may have.
 */
export const SLOW_SIZES = {
  'spaces + … leaders': 2000,
  'spaces + . leaders': 4000,
  'spaces between words': 100000,
  '、 run': 16000,
  'brackets': 16000,
  'digits': 16000,
  'spaces before clauses': 16000,
  'run-on line': 2500,
  'repeated lines': 40000,
  'blank lines': 100000,
  'huge heading': 200000,
  'seeds repeated': 1600,
};

/** The 10 MB a notice may have (src/read/decode.ts). */
export const MAX_NOTICE_BYTES = 10 * 1024 * 1024;

/** A shape at 8× its slow size, cut to the size limit where that is more. */
export function acceptanceNotice(name) {
  const text = HOSTILE_SHAPES[name](SLOW_SIZES[name] * 8);
  if (Buffer.byteLength(text) <= MAX_NOTICE_BYTES) return text;
  // cut at a line break, a little under the limit in UTF-8
  let cut = Math.floor(text.length * (MAX_NOTICE_BYTES / Buffer.byteLength(text)) * 0.99);
  const line = text.lastIndexOf('\n', cut);
  if (line > 0) cut = line + 1;
  return text.slice(0, cut);
}
