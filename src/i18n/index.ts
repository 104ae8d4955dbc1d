/**
 * The message catalogue: every word a person reads, in Chinese (the default)
 * and English, keyed by message id. Each part of the tool keeps its messages in
 * a module of its own here (cli, validate, extract, ledger, registry, report, io); a new command
 * adds a module and a line below. The language is chosen once, at the edge.
 */
import * as cli from './cli.js';
import * as extract from './extract.js';
import * as io from './io.js';
import * as ledger from './ledger.js';
import * as registry from './registry.js';
import * as report from './report.js';
import * as validate from './validate.js';
import type { Language } from './language.js';

export { chooseLanguage, LANGUAGES, type Language } from './language.js';
export type Params = Record<string, string | number>;
/** a message: text with {name} placeholders, or a function where English needs a plural */
export type Entry = string | ((params: Params) => string);

const zh = { ...cli.zh, ...extract.zh, ...io.zh, ...ledger.zh, ...registry.zh, ...report.zh, ...validate.zh };
export type MessageId = keyof typeof zh;
// an English table lacking a Chinese message's id does not compile
const en: Record<MessageId, Entry> = { ...cli.en, ...extract.en, ...io.en, ...ledger.en, ...registry.en, ...report.en, ...validate.en };
const tables: Record<Language, Record<MessageId, Entry>> = { zh, en };

let current: Language = 'zh';

export function setLanguage(language: Language): void {
  current = language;
}

export function currentLanguage(): Language {
  return current;
}

/** A message in a given language. */
export function message(language: Language, id: MessageId, params: Params = {}): string {
  const entry = tables[language][id];
  const text = typeof entry === 'function' ? entry(params) : entry;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A message in the language chosen for this run. */
export function t(id: MessageId, params?: Params): string {
  return message(current, id, params);
}

/** Whether a message id exists: for ids built from data (a status, a rule). */
export function hasMessage(id: string): id is MessageId {
  return id in zh;
}
