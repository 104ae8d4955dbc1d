/**
 * Diagnostics for people and machines: `text` (by file, one problem a line,
 * `file:line:column` first so editors can jump), `json`, and `github`
 * (workflow commands that annotate a pull request).
 */
import { Chalk } from 'chalk';
import type { Diagnostic } from '../diagnostic.js';
import { forGithubData, forGithubProperty, forTerminalLine, toJson } from './escape.js';
import { t } from '../i18n/index.js';

export interface DiagnosticFormatOptions {
  color: boolean;
  /** end with a count of errors and warnings */
  summary?: boolean;
}

export type DiagnosticFormat = 'text' | 'json' | 'github';

const byPlace = (a: Diagnostic, b: Diagnostic) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column);

export function formatDiagnosticsText(diagnostics: Diagnostic[], options: DiagnosticFormatOptions): string {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const severity = { error: paint.red, warning: paint.yellow, info: paint.cyan };
  let out = '';
  let file: string | null = null;
  for (const d of [...diagnostics].sort(byPlace)) {
    if (file !== null && d.file !== file) out += '\n';
    file = d.file;
    const hint = d.suggestion ? ` (${forTerminalLine(d.suggestion)})` : '';
    out += `${forTerminalLine(d.file)}:${d.line}:${d.column}  ${severity[d.severity](t(`diagnostics.severity.${d.severity}`))}  ${forTerminalLine(d.message)}${hint}  ${paint.dim(forTerminalLine(d.rule))}\n`;
  }
  if (options.summary) {
    const count = (s: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === s).length;
    out += `${out ? '\n' : ''}${t('diagnostics.summary', { errors: count('error'), warnings: count('warning') })}\n`;
  }
  return out;
}

export function formatDiagnosticsJson(diagnostics: Diagnostic[]): string {
  return `${toJson([...diagnostics].sort(byPlace))}\n`;
}

/** GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=RULE::message`. */
export function formatDiagnosticsGithub(diagnostics: Diagnostic[]): string {
  const command = { error: 'error', warning: 'warning', info: 'notice' };
  return [...diagnostics]
    .sort(byPlace)
    .map((d) => {
      const message = d.suggestion ? `${d.message} (${d.suggestion})` : d.message;
      return `::${command[d.severity]} file=${forGithubProperty(d.file)},line=${d.line},col=${d.column},title=${forGithubProperty(d.rule)}::${forGithubData(message)}\n`;
    })
    .join('');
}

export const diagnosticFormatters: Record<DiagnosticFormat, (diagnostics: Diagnostic[], options: DiagnosticFormatOptions) => string> = {
  text: formatDiagnosticsText,
  json: formatDiagnosticsJson,
  github: formatDiagnosticsGithub,
};
