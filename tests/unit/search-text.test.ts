import { describe, expect, it } from 'vitest';
import { normalizeForSearch, searchGrams, searchQuery } from '../../src-main/records/search-text';

describe('normalizeForSearch', () => {
  it('keeps letters and digits, lower-cased, one entry per character', () => {
    expect(normalizeForSearch('Hello, World 42!')).toEqual([...'helloworld42']);
  });

  it('folds full-width letters, digits and the ideographic space (NFKC)', () => {
    expect(normalizeForSearch('ＡＢＣ\u3000１２３')).toEqual([...'abc123']);
    expect(normalizeForSearch('ＨｕａＸｉｎ')).toEqual(normalizeForSearch('huaxin'));
  });

  it('keeps Chinese characters and drops Chinese punctuation', () => {
    expect(normalizeForSearch('北京（华信）科技，有限公司。')).toEqual([...'北京华信科技有限公司']);
  });

  it('drops the separators inside a phone number', () => {
    expect(normalizeForSearch('010-8888 1234').join('')).toBe('01088881234');
  });

  it('returns nothing for punctuation and whitespace only', () => {
    expect(normalizeForSearch(`!@#$%^&*()_+-=[]{};':",./<>?\\|\`~ \t\n，。！？、`)).toEqual([]);
    expect(normalizeForSearch('')).toEqual([]);
  });

  it('treats a character outside the BMP as one character, never two halves', () => {
    const chars = normalizeForSearch('𠮷野家');
    expect(chars).toEqual(['𠮷', '野', '家']);
    expect(chars[0]).toHaveLength(2); // one code point stored as a surrogate pair
  });

  it('drops emoji whole, leaving no lone surrogate behind', () => {
    const chars = normalizeForSearch('a😀b👍🏽c');
    expect(chars).toEqual(['a', 'b', 'c']);
    for (const ch of chars) expect(ch).not.toMatch(/[\uD800-\uDFFF]/);
  });
});

describe('searchGrams', () => {
  it('indexes a field as overlapping bigrams plus its last character', () => {
    expect(searchGrams(['华信科技'])).toBe('华信 信科 科技 技');
  });

  it('indexes a one-character field as that character', () => {
    expect(searchGrams(['王'])).toBe('王');
  });

  it('ends every field with a single-character token, so fields do not run together', () => {
    expect(searchGrams(['xab', 'bcy'])).toBe('xa ab b bc cy y');
  });

  it('skips null, undefined, empty and punctuation-only fields', () => {
    expect(searchGrams([null, '', undefined, '---', 'AB'])).toBe('ab b');
    expect(searchGrams([])).toBe('');
  });

  it('normalizes before building grams', () => {
    expect(searchGrams(['Ｃ-01'])).toBe('c0 01 1');
  });

  it('keeps a supplementary-plane character whole inside its bigrams', () => {
    expect(searchGrams(['𠮷野家'])).toBe('𠮷野 野家 家');
  });
});

describe('searchQuery', () => {
  it('turns a 2-character keyword into one bigram phrase', () => {
    expect(searchQuery('科技')).toBe('"科技"');
  });

  it('turns a longer keyword into the phrase of its bigrams', () => {
    expect(searchQuery('华信科技')).toBe('"华信 信科 科技"');
  });

  it('turns a 1-character keyword into a prefix query', () => {
    expect(searchQuery('华')).toBe('"华" *');
    expect(searchQuery('Z')).toBe('"z" *');
  });

  it('returns null for a keyword without letters or digits', () => {
    expect(searchQuery('!!!')).toBeNull();
    expect(searchQuery('   ')).toBeNull();
    expect(searchQuery('%_\\')).toBeNull();
    expect(searchQuery('😀')).toBeNull();
  });

  it('ignores punctuation and spacing, so "8888-1234" and "88881234" query alike', () => {
    expect(searchQuery('8888-1234')).toBe(searchQuery('88881234'));
  });

  it('folds full-width input like the index does', () => {
    expect(searchQuery('ＡＢＣ')).toBe('"ab bc"');
  });

  it('cannot be broken out of: quotes and FTS5 operators are dropped', () => {
    expect(searchQuery('a" OR "b')).toBe('"ao or rb"');
    expect(searchQuery('x* NEAR(y) ^z')).toBe('"xn ne ea ar ry yz"');
    const q = searchQuery(`'); DROP TABLE customers; --`)!;
    expect(q.slice(1, -1)).not.toMatch(/["*()^:]/);
  });

  it('builds a supplementary-plane keyword from whole characters', () => {
    expect(searchQuery('𠮷野')).toBe('"𠮷野"');
    expect(searchQuery('𠮷')).toBe('"𠮷" *');
  });
});
