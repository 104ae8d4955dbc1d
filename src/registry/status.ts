/**
 * A task's status (状态), the one lexicon of its words: what people write for
 * it — the registry's word (done) or a Chinese one (已完成, 完成, 已办结) — and
 * the one word every output prints for it (the catalogue's report.status.*),
 * which reads back as the same status.
 */
import { message, t, type Language, type MessageId } from '../i18n/index.js';
import type { Task } from './types.js';

export type Status = Task['status'];
export const STATUSES: Status[] = ['open', 'in_progress', 'done', 'dropped'];

const WORDS: Record<string, Status> = {
  未开始: 'open',
  待办: 'open',
  未完成: 'open',
  进行中: 'in_progress',
  推进中: 'in_progress',
  办理中: 'in_progress',
  已完成: 'done',
  完成: 'done',
  已办结: 'done',
  办结: 'done',
  已取消: 'dropped',
  取消: 'dropped',
  已撤销: 'dropped',
  撤销: 'dropped',
  不再执行: 'dropped',
  'in-progress': 'in_progress',
  'in progress': 'in_progress',
};

export function parseStatus(word: string): Status | null {
  const trimmed = word.trim();
  const lower = trimmed.toLowerCase();
  if ((STATUSES as string[]).includes(lower)) return lower as Status;
  return WORDS[trimmed] ?? WORDS[lower] ?? null;
}

/** The word a status is printed as, in the run's language or the one given; null for what is no status (a hand-edited registry's). */
export function statusWord(status: string, language?: Language): string | null {
  if (!(STATUSES as string[]).includes(status)) return null;
  const id = `report.status.${status}` as MessageId;
  return language ? message(language, id) : t(id);
}

/** The statuses as a clerk may write them, for help and for refusing a word: 未开始（open）、… */
export const statusChoices = (): string => STATUSES.map((id) => t('cli.status.choice', { id, word: statusWord(id)! })).join(t('cli.list-separator'));
