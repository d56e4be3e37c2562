/** How much of one text is in another, by word shingles: the bench's tokens, 4 words at a time. */

const TOKEN = /[\p{L}\p{N}_]+/gu;

export function tokensOf(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}

/** Per block: the share of its 4-word shingles found in `other` (a block under 4 words: found there as a phrase). */
/** Enough of a block (and of the other text) to know how much of it is there; keeps a 5 MB paragraph cheap. */
const MAX_TOKENS = 2_000;
const MAX_OTHER_TOKENS = 300_000;

export function shingleHits(blocks: string[], other: string): number[] {
  const otherTokens = tokensOf(other.length > MAX_OTHER_TOKENS * 12 ? other.slice(0, MAX_OTHER_TOKENS * 12) : other).slice(0, MAX_OTHER_TOKENS);
  const otherShingles = new Set<string>();
  for (let i = 0; i + 4 <= otherTokens.length; i++) otherShingles.add(`${otherTokens[i]} ${otherTokens[i + 1]} ${otherTokens[i + 2]} ${otherTokens[i + 3]}`);
  const phrase = ` ${otherTokens.join(' ')} `;
  return blocks.map((text) => {
    const tokens = tokensOf(text.length > MAX_TOKENS * 12 ? text.slice(0, MAX_TOKENS * 12) : text).slice(0, MAX_TOKENS);
    if (tokens.length === 0) return 0;
    if (tokens.length < 4) return phrase.includes(` ${tokens.join(' ')} `) ? 1 : 0;
    let hit = 0;
    for (let i = 0; i + 4 <= tokens.length; i++) if (otherShingles.has(`${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]} ${tokens[i + 3]}`)) hit++;
    return hit / (tokens.length - 3);
  });
}
