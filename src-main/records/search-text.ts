/**
 * Substring search over mixed Chinese and Latin text with SQLite FTS5.
 *
 * FTS5's own tokenizers either split on words (useless for Chinese, which has no spaces) or
 * index trigrams (which cannot answer 2-character queries such as 科技). So the text is indexed
 * as overlapping character bigrams, each field ending in a 1-character token:
 *   "华信科技" → 华信 信科 科技 技
 * A query of 2+ characters is the phrase of its bigrams (adjacent bigrams ⇔ a substring), and a
 * 1-character query is a prefix match. The trailing single-character token also keeps a phrase
 * from running from one field into the next.
 *
 * Only letters and digits take part, after NFKC and lower-casing, so "010-8888 1234" is found by
 * "88881234" and full-width "ＡＢＣ" by "abc".
 */

const KEEP = /[\p{L}\p{N}]/u;

export function normalizeForSearch(text: string): string[] {
  const chars: string[] = [];
  for (const ch of text.normalize('NFKC').toLowerCase()) if (KEEP.test(ch)) chars.push(ch);
  return chars;
}

function bigrams(chars: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < chars.length; i++) out.push(chars[i - 1]! + chars[i]!);
  return out;
}

/** Index tokens for several fields, as one space-separated string for the FTS5 column. */
export function searchGrams(fields: readonly (string | null | undefined)[]): string {
  const out: string[] = [];
  for (const field of fields) {
    if (!field) continue;
    const chars = normalizeForSearch(field);
    if (chars.length > 0) out.push(...bigrams(chars), chars[chars.length - 1]!);
  }
  return out.join(' ');
}

/** The FTS5 MATCH expression for a user's keyword, or null when it has no letters or digits. */
export function searchQuery(keyword: string): string | null {
  const chars = normalizeForSearch(keyword);
  if (chars.length === 0) return null;
  if (chars.length === 1) return `"${chars[0]}" *`;
  // Tokens hold only letters and digits, so quoting cannot be broken out of.
  return `"${bigrams(chars).join(' ')}"`;
}
