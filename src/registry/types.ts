/** The task registry (任务分工台账), version 1: see schemas/registry.schema.json. */

export interface Recurrence {
  /** the phrase as printed, e.g. 每季度至少组织研究1次 */
  text: string;
  /** ISO 8601 duration where the phrase makes one clear (P3M), else null */
  interval: string | null;
}

/** The form of official writing that assigned a task's units (see schemas/registry.schema.json `form`). */
export type AssignmentForm = 'clause' | 'label' | 'subject' | 'heading' | 'table' | 'by' | 'first-listed' | 'field' | 'group';

/** Forms weaker than a clause, a label or a table (the subject opening an item, a heading above it): a person should check the units. */
export const WEAK_FORMS: ReadonlySet<AssignmentForm> = new Set<AssignmentForm>(['subject', 'heading']);

/** [start, end) in the notice's text as extract read it (UTF-16 offsets into the decoded file). */
export type Span = [number, number];

export interface TaskSpans {
  text: Span;
  deadline?: Span;
  /** each unit as printed, with its role */
  units?: { name: string; role: 'lead' | 'support'; span: Span }[];
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
  /** how the units were assigned; absent when none were */
  form?: AssignmentForm;
  /** where the task, its units and its deadline stand in the notice */
  spans?: TaskSpans;
}

/** What a notice arrived as: the reader that read it (see src/read/). */
export type InputKind = 'text' | 'markdown' | 'html' | 'docx' | 'pdf' | 'xlsx' | 'csv';

/** A file a notice attaches (附件), as a page links it. */
export interface Attachment {
  name: string;
  href: string;
}

export interface DocumentMeta {
  id: string;
  title: string | null;
  issuer: string | null;
  number: string | null;
  date: string | null;
  period: { from: string; to: string } | null;
  jurisdiction: string | null;
  source: { path: string; sha256: string; encoding?: string; kind?: InputKind };
  /** the attachments a web page links (附件：…) */
  attachments?: Attachment[];
}

export interface Registry {
  version: 1;
  document: DocumentMeta;
  tasks: Task[];
}
