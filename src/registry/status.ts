/** A task's status as people write it: the registry's word (done) or a Chinese one (已完成, 完成). */
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
  不再执行: 'dropped',
  'in-progress': 'in_progress',
};

export function parseStatus(word: string): Status | null {
  const trimmed = word.trim();
  if ((STATUSES as string[]).includes(trimmed.toLowerCase())) return trimmed.toLowerCase() as Status;
  return WORDS[trimmed] ?? null;
}
