/** An English count and its noun: 1 sheet, 2 sheets. The catalogues' English tables share it. */
export const plural = (n: string | number, word: string): string => `${n} ${word}${Number(n) === 1 ? '' : 's'}`;
