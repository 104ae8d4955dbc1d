/**
 * One "today" for every command: the calendar date where the machine is (TZ
 * honoured), not the UTC date — at 07:30 in Beijing it is already tomorrow in UTC terms.
 * Commands take it from here and hand it to the core; `--today`/`--as-of` override it.
 */

/** YYYY-MM-DD of an instant in the machine's time zone. */
export function localDate(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/**
 * The instant now. Tests fix it with SAFETY_TASKS_NOW (an ISO 8601 instant);
 * nothing else should set it.
 */
export function now(environment: Record<string, string | undefined>): Date {
  const fixed = environment.SAFETY_TASKS_NOW;
  if (fixed) {
    const instant = new Date(fixed);
    if (!Number.isNaN(instant.getTime())) return instant;
  }
  return new Date();
}

/** Today, as the commands use it. */
export function today(environment: Record<string, string | undefined>): string {
  return localDate(now(environment));
}
