// A synthetic corpus for `npm run bench`: notices made by recombining the seeds'
// items and clauses under their own headers, renumbered; the same seed number
// always gives the same corpus.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { extractNotice, loadMarkdownReader } from '../dist/extract/index.js';

// extraction loads remark only when awaited; a notice with markup needs it
await loadMarkdownReader();

/** mulberry32: a small seeded PRNG, so the corpus is the same on every machine. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SECTIONS = ['一', '二', '三', '四', '五', '六'];

export function buildCorpus(folder, count, seed) {
  const seeds = readdirSync('seeds').sort().map((name) => readFileSync(path.join('seeds', name), 'utf8'));
  const items = [];
  const headers = [];
  for (const content of seeds) {
    const { registry } = extractNotice({ content, path: 'seed.txt', kind: 'text' });
    headers.push(content.slice(0, content.search(/\n\s*一、|\s一、/) + 1 || 600));
    for (const task of registry.tasks) items.push(task.responsibility_text ? `${task.text}（${task.responsibility_text}）` : task.text);
  }
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  mkdirSync(folder, { recursive: true });
  let bytes = 0;
  for (let n = 0; n < count; n++) {
    let text = `${pick(headers)}\n`;
    let number = 0;
    const sections = 2 + Math.floor(next() * 4);
    for (let s = 0; s < sections; s++) {
      text += `${SECTIONS[s]}、重点任务之${SECTIONS[s]}\n\n`;
      const size = 3 + Math.floor(next() * 10);
      for (let i = 0; i < size; i++) text += `${++number}.${pick(items)}\n\n`;
    }
    writeFileSync(path.join(folder, `notice-${String(n).padStart(5, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  return bytes;
}
