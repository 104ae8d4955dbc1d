/**
 * One escaping function per destination. Anything that came from a notice or
 * a registry (texts, unit names, file names) passes through the one for where
 * it is written, so no scraped page can move a terminal's cursor, run a GitHub
 * workflow command, start a spreadsheet formula or add a markdown column.
 */

const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-_])/g;
/** C0 controls but tab and newline, DEL, C1 controls */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** bidirectional overrides, embeddings and isolates (Trojan Source), and the line/paragraph separators */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;
const LINE_BREAK = /\r\n|[\r\n]/g;
/**
 * GitHub Actions runs a log line that starts with `::` (after any white space,
 * U+3000 included) as a workflow command, and `##[command]` anywhere in a
 * line: a zero-width space inside each keeps the text as it reads and makes it no command.
 */
const WORKFLOW_COMMAND = /(^|\n)([^\S\n]*):(?=:)|##(?=\[)/g;
const defuse = (text: string) => text.replace(WORKFLOW_COMMAND, (m, start: string | undefined, space: string | undefined) => (m === '##' ? '#\u200b#' : `${start}${space}:\u200b`));

/** Anything inert has to change: most text has none of it and is passed on as it is. */
const NEEDS_WORK = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]|::|##\[/;

/** Text without escape sequences, controls and bidi controls, and no workflow command; newlines and tabs kept. */
export function inert(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return defuse(text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '').replace(BIDI, ''));
}

/** One line of terminal output: a newline inside a value is shown as ⏎, so a value never starts a line of its own. */
export function forTerminalLine(text: string): string {
  return inert(text).replace(LINE_BREAK, '⏎').replace(/\t/g, ' ');
}

/** A terminal cell that may wrap: newlines kept (as \n), tabs as spaces, nothing that moves the cursor. */
export function forTerminal(text: string): string {
  return inert(text).replace(LINE_BREAK, '\n').replace(/\t/g, ' ');
}

/** The message part of a GitHub workflow command (`::error …::message`). */
export function forGithubData(text: string): string {
  return inert(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a GitHub workflow command (`file=…`, `title=…`). */
export function forGithubProperty(text: string): string {
  return forGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * A spreadsheet cell (CSV or xlsx): a value that a spreadsheet would read as a
 * formula (= + - @, after any spaces or tabs) gets a leading apostrophe, as
 * OWASP advises, so it opens as text; a line break is shown as ⏎, so one CSV
 * record stays one line of a log.
 */
export function forSpreadsheet(text: string): string {
  const clean = forTerminalLine(text);
  return /^\s*[=+\-@]/.test(clean) ? `'${clean}` : clean;
}

/**
 * A markdown table cell: HTML made text, pipes and backslashes written as
 * entities (every GFM parser decodes them and none splits a cell on them),
 * newlines as <br>.
 */
export function forMarkdownCell(text: string): string {
  return forHtml(text).replace(/\\/g, '&#92;').replace(/\|/g, '&#124;').replace(LINE_BREAK, '<br>');
}

/** Markdown prose (a heading): HTML made text, one line. */
export function forMarkdownLine(text: string): string {
  return forHtml(forTerminalLine(text));
}

const HTML_ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML text or an attribute value. */
export function forHtml(text: string): string {
  return inert(text).replace(/[&<>"']/g, (c) => HTML_ENTITY[c]!);
}

/**
 * JSON output: JSON.stringify escapes C0 controls; this also writes ESC, C1 and
 * bidi characters as \u escapes, so the value survives whole but a terminal
 * that shows the JSON is not driven by it.
 */
export function toJson(value: unknown, indent = 2): string {
  // `[` of a `##[` written \u005b: the same value, and no workflow command in a log (matched whole: a look-behind
  // tried at every character of a long report made this pass twice as slow)
  return JSON.stringify(value, null, indent).replace(/[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]|##\[/g, (c) =>
    c === '##[' ? '##\\u005b' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
