/**
 * Pairing the tasks of two versions of a notice: by what they say first (the
 * same text once punctuation and spacing are set aside, then text within a few
 * edits), and only then by number — so an item inserted above another never
 * hands its progress to the task that took its number.
 */
import { distance } from 'fastest-levenshtein';

export interface Pairable {
  id: string;
  text: string;
  /** may be paired by number alone when its text matches nothing (false for tasks people added by hand) */
  byNumber?: boolean;
}

export type PairedBy = 'text' | 'reworded' | 'number';

export interface Pairing {
  /** index in `before` → [index in `after`, how] */
  pairs: Map<number, { index: number; by: PairedBy }>;
}

/** Two texts are the same task with small edits when at least this share of the longer one is unchanged. */
const SMALL_EDITS = 0.8;
/** Beyond this many comparisons the fuzzy pass is skipped: texts must then match exactly, or numbers. */
const MAX_COMPARISONS = 250_000;

export const normalizeText = (text: string) => text.normalize('NFKC').replace(/[\s\p{P}\p{S}]/gu, '');

export function pairTasks(before: Pairable[], after: Pairable[]): Pairing {
  const pairs = new Map<number, { index: number; by: PairedBy }>();
  const taken = new Set<number>();
  const pair = (from: number, to: number, by: PairedBy) => {
    pairs.set(from, { index: to, by });
    taken.add(to);
  };

  // the same words: where several tasks say the same, the one with the same id first, else in order
  const byText = new Map<string, number[]>();
  const normalized = after.map((task) => normalizeText(task.text));
  normalized.forEach((text, i) => (byText.get(text) ?? byText.set(text, []).get(text)!).push(i));
  before.forEach((task, i) => {
    const candidates = byText.get(normalizeText(task.text))?.filter((j) => !taken.has(j));
    if (!candidates?.length) return;
    pair(i, candidates.find((j) => after[j]!.id === task.id) ?? candidates[0]!, 'text');
  });

  // a few edits: the closest pairs first
  const left = before.map((_, i) => i).filter((i) => !pairs.has(i));
  const right = after.map((_, j) => j).filter((j) => !taken.has(j));
  if (left.length * right.length <= MAX_COMPARISONS) {
    const close: { from: number; to: number; similarity: number }[] = [];
    for (const i of left) {
      const a = normalizeText(before[i]!.text);
      for (const j of right) {
        const b = normalized[j]!;
        const longer = Math.max(a.length, b.length);
        if (longer === 0 || Math.min(a.length, b.length) < longer * SMALL_EDITS) continue;
        const similarity = 1 - distance(a, b) / longer;
        if (similarity >= SMALL_EDITS) close.push({ from: i, to: j, similarity });
      }
    }
    close.sort((x, y) => y.similarity - x.similarity || Number(after[y.to]!.id === before[y.from]!.id) - Number(after[x.to]!.id === before[x.from]!.id));
    for (const { from, to } of close) if (!pairs.has(from) && !taken.has(to)) pair(from, to, 'reworded');
  }

  // nothing the text supports: the same number, reported as changed
  const freeById = new Map<string, number>();
  after.forEach((task, j) => {
    if (!taken.has(j) && !freeById.has(task.id)) freeById.set(task.id, j);
  });
  before.forEach((task, i) => {
    if (pairs.has(i) || task.byNumber === false) return;
    const j = freeById.get(task.id);
    if (j !== undefined && !taken.has(j)) pair(i, j, 'number');
  });
  return { pairs };
}
