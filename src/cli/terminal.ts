/** What the commands share about the terminal: colour and width. */

/** Colour only on a terminal, and never where NO_COLOR, FORCE_COLOR=0 or TERM=dumb says no. */
export function useColor(stream: NodeJS.WriteStream): boolean {
  const env = process.env;
  if (env.NO_COLOR || env.FORCE_COLOR === '0' || env.TERM === 'dumb') return false;
  return Boolean(stream.isTTY);
}

/** the width help is laid out to where nothing gives one (output piped, no COLUMNS): commander's */
export const HELP_WIDTH = 80;

/** The width to fit: COLUMNS where set (piped output too), else the terminal's, else `fallback`. */
export function columns(stream: NodeJS.WriteStream, fallback: number): number {
  const given = Number(process.env.COLUMNS);
  if (Number.isInteger(given) && given > 0) return given;
  return stream.isTTY && stream.columns ? stream.columns : fallback;
}
