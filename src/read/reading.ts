/** What every reader gives the extractor: the text, and what it found beside the text. */
import type { Attachment, InputKind } from '../registry/types.js';

/** Document fields a reader found outside the text (a web page's 索引号 block, a workbook's properties). */
export interface DocumentFields {
  title?: string;
  issuer?: string;
  number?: string;
  /** YYYY-MM-DD */
  date?: string;
}

export interface Reading {
  /** lines; a table as `|`-separated rows under a header row */
  text: string;
  kind: InputKind;
  /** the character encoding, for text kinds */
  encoding?: string;
  fields: DocumentFields;
  attachments: Attachment[];
  /** the day the file says it was last saved (YYYY-MM-DD), for the progress a table reports */
  savedOn?: string;
  /** where a place in `text` stands in the source, for a person (第2页第5行, 任务表!C7); null where line and column say it */
  place(position: { line: number; column: number }): string | null;
}

export interface Refusal {
  rule: 'unsupported-input' | 'unreadable-input';
  problem: string;
  suggestion?: string;
}

export const atLine = (): null => null;
