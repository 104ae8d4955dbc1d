/**
 * One problem found in one file: extraction warnings and (later) validation
 * errors share this shape, so every formatter and exit code treats them alike.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  file: string;
  line: number; // 1-based
  column: number; // 1-based
  rule: string; // stable id, e.g. `numbering-gap`
  severity: Severity;
  message: string;
  suggestion?: string;
}

export function diagnostic(
  file: string,
  position: { line: number; column: number },
  rule: string,
  severity: Severity,
  message: string,
  suggestion?: string,
): Diagnostic {
  return { file, line: position.line, column: position.column, rule, severity, message, ...(suggestion ? { suggestion } : {}) };
}
