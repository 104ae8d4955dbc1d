/** The task registry (任务分工台账), version 1: see schemas/registry.schema.json. */

export interface Recurrence {
  /** the phrase as printed, e.g. 每季度至少组织研究1次 */
  text: string;
  /** ISO 8601 duration where the phrase makes one clear (P3M), else null */
  interval: string | null;
}

export interface Task {
  id: string;
  number: string;
  section: string[];
  title: string | null;
  text: string;
  lead: string[];
  support: string[];
  responsibility_text: string | null;
  deadline: string | null;
  deadline_text: string | null;
  start?: string;
  milestones?: { date: string; text: string }[];
  recurrence: Recurrence[];
  status: 'open' | 'in_progress' | 'done' | 'dropped';
  /** the day the task was done: people fill it in (safety-tasks status) */
  done_on?: string;
  /** progress reported, newest last */
  progress?: { date: string; note: string; by?: string }[];
  line: number;
}

export interface DocumentMeta {
  id: string;
  title: string | null;
  issuer: string | null;
  number: string | null;
  date: string | null;
  period: { from: string; to: string } | null;
  jurisdiction: string | null;
  source: { path: string; sha256: string; encoding?: string };
}

export interface Registry {
  version: 1;
  document: DocumentMeta;
  tasks: Task[];
}
