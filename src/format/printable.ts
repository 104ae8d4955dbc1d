/** Text bound for a terminal: see escape.ts, which every destination's escaping lives in. */
export { inert as printable } from './escape.js';
