/** Diagnostics as text for a person: `file:line:column  severity  message  rule`. */
import { Chalk } from 'chalk';
import type { Diagnostic } from '../diagnostic.js';

export interface TextFormatOptions {
  color: boolean;
}

export function formatDiagnosticsText(diagnostics: Diagnostic[], options: TextFormatOptions): string {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const severity = { error: paint.red, warning: paint.yellow, info: paint.cyan };
  return diagnostics
    .map((d) => {
      const hint = d.suggestion ? ` (${d.suggestion})` : '';
      return `${d.file}:${d.line}:${d.column}  ${severity[d.severity](d.severity)}  ${d.message}${hint}  ${paint.dim(d.rule)}\n`;
    })
    .join('');
}
