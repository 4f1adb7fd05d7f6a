/**
 * The vCard text format below the fields: content lines, folding, escaping, parameters and value
 * encodings, for vCard 2.1, 3.0 (RFC 2426, with RFC 2425's MIME directory syntax) and 4.0
 * (RFC 6350). Pure, like vcard.ts, which maps cards to the app's contacts and back.
 */

export const CRLF = '\r\n';
/** RFC 2426 §2.6 / RFC 6350 §3.2: lines SHOULD NOT be longer than 75 octets, CRLF excluded. */
const FOLD_OCTETS = 75;

/** Control characters other than tab and line breaks have no place in a vCard line. */
// eslint-disable-next-line no-control-regex -- finding control characters is its purpose
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** A text value (or one component of N, ORG, ADR) escaped per RFC 2426 §5: \\ \, \; \n. */
export function escapeText(v: string): string {
  return v
    .replace(CONTROLS, '')
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const utf8Octets = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/**
 * One content line folded into physical lines of at most 75 octets: a continuation line starts
 * with a space, which counts. Breaks fall between characters (code points), never inside one's
 * UTF-8 bytes or between the halves of a surrogate pair.
 */
export function foldLine(line: string): string {
  if (line.length * 4 <= FOLD_OCTETS) return line;
  const parts: string[] = [];
  let start = 0;
  let used = 0;
  for (let i = 0; i < line.length;) {
    const cp = line.codePointAt(i)!;
    const n = utf8Octets(cp);
    if (used + n > FOLD_OCTETS) {
      parts.push(line.slice(start, i));
      start = i;
      used = 1;
    }
    used += n;
    i += cp > 0xffff ? 2 : 1;
  }
  parts.push(line.slice(start));
  return parts.join(`${CRLF} `);
}

export type Version = '2.1' | '3.0' | '4.0';

export interface Property {
  group: string | null;
  /** Upper case, e.g. `TEL`. */
  name: string;
  /** Parameter names in upper case; values as written, unquoted; bare 2.1 types under TYPE. */
  params: Map<string, string[]>;
  value: string;
  line: number;
}

interface LogicalLine {
  text: string;
  line: number;
}

/** Whether a content line's name and parameters (the part before the colon) say quoted-printable. */
const isQuotedPrintable = (text: string) => /QUOTED-PRINTABLE/i.test(text.slice(0, text.indexOf(':') + 1));

/**
 * Physical lines into content lines: a line starting with a space or tab continues the one before
 * (RFC 2426 §2.6, RFC 6350 §3.2: one whitespace character is removed); a quoted-printable value
 * ending in `=` continues on the next line whatever it starts with (2.1's soft line break).
 * Empty lines are dropped.
 */
export function* unfold(text: string): Generator<LogicalLine> {
  let last: LogicalLine | null = null;
  let softBreak = false;
  let lineNo = 0;
  for (const p of physicalLines(text.replace(/^\uFEFF/, ''))) {
    lineNo++;
    if (last && softBreak) {
      last.text = last.text.slice(0, -1) + p;
    } else if (last && (p.startsWith(' ') || p.startsWith('\t'))) {
      last.text += p.slice(1);
    } else if (p.trim() !== '') {
      if (last) yield last;
      last = { text: p, line: lineNo };
    } else {
      continue;
    }
    softBreak = last.text.endsWith('=') && isQuotedPrintable(last.text);
  }
  if (last) yield last;
}

/** The lines of a text, ended by CRLF, LF or CR, one at a time (a big file is not split at once). */
function* physicalLines(text: string): Generator<string> {
  const eol = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = eol.exec(text); m; m = eol.exec(text)) {
    yield text.slice(start, m.index);
    start = eol.lastIndex;
  }
  yield text.slice(start);
}

/** Splits at `sep` where it is outside double quotes. */
function splitOutsideQuotes(v: string, sep: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < v.length; i++) {
    if (v[i] === '"') quoted = !quoted;
    else if (v[i] === sep && !quoted) {
      parts.push(v.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(v.slice(start));
  return parts;
}

/** A parameter value unquoted, with RFC 6868's ^n ^^ ^' decoded. */
function paramValue(v: string): string {
  const unquoted = v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v;
  return unquoted.replace(/\^([n^'])/g, (_, c: string) => (c === 'n' ? '\n' : c === '^' ? '^' : '"'));
}

const ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

/** `[group.]NAME *(;param[=value]) : value`, or null when the line is not one. */
export function parseProperty({ text, line }: LogicalLine): Property | null {
  let colon = text.indexOf(':');
  const quote = text.indexOf('"');
  if (quote >= 0 && quote < colon) {
    // A quoted parameter value may hold a colon: the value starts at the first one outside quotes.
    let quoted = false;
    colon = -1;
    for (let i = 0; i < text.length && colon < 0; i++) {
      if (text[i] === '"') quoted = !quoted;
      else if (text[i] === ':' && !quoted) colon = i;
    }
  }
  if (colon < 0) return null;
  const [qualified = '', ...rawParams] = splitOutsideQuotes(text.slice(0, colon), ';');
  const m = /^(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)$/.exec(qualified.trim());
  if (!m) return null;
  const params = new Map<string, string[]>();
  const add = (key: string, values: string[]) => params.set(key, [...(params.get(key) ?? []), ...values]);
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    if (eq < 0) {
      // vCard 2.1 leaves the name out: `TEL;CELL;VOICE`, `NOTE;QUOTED-PRINTABLE`.
      const bare = raw.trim();
      if (bare) add(ENCODINGS.has(bare.toUpperCase()) ? 'ENCODING' : 'TYPE', [bare]);
      continue;
    }
    const key = raw.slice(0, eq).trim().toUpperCase();
    let values = splitOutsideQuotes(raw.slice(eq + 1), ',').map(paramValue);
    // RFC 6350 writes TYPE="work,voice": one quoted value that is a list.
    if (key === 'TYPE') values = values.flatMap((v) => v.split(','));
    add(key, values.map((v) => v.trim()).filter(Boolean));
  }
  return { group: m[1] ?? null, name: m[2]!.toUpperCase(), params, value: text.slice(colon + 1), line };
}

/** Splits a structured value (N, ORG, ADR, GENDER) at the semicolons that are not escaped. */
export function splitComponents(v: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < v.length; i++) {
    const ch = v[i]!;
    if (ch === '\\' && i + 1 < v.length) {
      current += ch + v[i + 1];
      i++;
    } else if (ch === ';') {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

/** Text escapes undone: 3.0 and 4.0 have \\ \, \; \n \N; 2.1 only \\ and \; (RFC 2426 §5). */
function unescapeText(v: string, version: Version): string {
  if (version === '2.1') return v.replace(/\\([\\;])/g, '$1');
  return v.replace(/\\([\s\S])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Bytes in a charset as text, or null when the charset is unknown or the bytes are not valid in it. */
export function decodeBytes(bytes: Uint8Array, charset: string): string | null {
  try {
    return new TextDecoder(charset, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const encoder = new TextEncoder();

/** A quoted-printable value's bytes (RFC 2045 §6.7); a stray `=` or a raw character is kept as is. */
function quotedPrintableBytes(v: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < v.length; i++) {
    const hex = v.slice(i + 1, i + 3);
    if (v[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      const cp = v.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      for (const b of encoder.encode(ch)) bytes.push(b);
      i += ch.length - 1;
    }
  }
  return Uint8Array.from(bytes);
}

function base64Bytes(v: string): Uint8Array | null {
  try {
    return Uint8Array.from(atob(v.replace(/\s/g, '')), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/**
 * A property's value as its components (one unless `structured`), decoded and unescaped, with
 * line breaks as `\n`; null when its encoding or charset cannot be read.
 */
export function decodeValue(p: Property, version: Version, structured = false): string[] | null {
  const encoding = (p.params.get('ENCODING')?.[0] ?? '').toUpperCase();
  const charset = p.params.get('CHARSET')?.[0] ?? 'utf-8';
  const raw = structured ? splitComponents(p.value) : [p.value];
  const out: string[] = [];
  for (const part of raw) {
    let text: string | null = part;
    if (encoding === 'QUOTED-PRINTABLE') text = decodeBytes(quotedPrintableBytes(part), charset);
    else if (encoding === 'B' || encoding === 'BASE64') {
      const bytes = base64Bytes(part);
      text = bytes && decodeBytes(bytes, charset);
    } else if (encoding && encoding !== '8BIT' && encoding !== '7BIT') text = null;
    if (text === null) return null;
    out.push(unescapeText(text, version).replace(/\r\n?/g, '\n'));
  }
  return out;
}

/**
 * A .vcf file's bytes as text for `parseVcards`: UTF-8 (a BOM dropped). Folding counts octets,
 * and some writers fold inside a character's UTF-8 bytes: such a file is valid UTF-8 only once
 * unfolded, so it is unfolded byte by byte first (its problems' line numbers then count unfolded
 * lines). A file that is UTF-8 neither way is read as GB18030 (which covers GBK), as old Chinese
 * phones wrote it.
 */
export function decodeVcard(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  const utf8 = decodeBytes(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  const unfolded: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const lf = b === 0x0d && bytes[i + 1] === 0x0a ? i + 1 : b === 0x0a ? i : -1;
    const next = lf >= 0 ? bytes[lf + 1] : undefined;
    if (next === 0x20 || next === 0x09) i = lf + 1;
    else unfolded.push(b);
  }
  const text = decodeBytes(Uint8Array.from(unfolded), 'utf-8');
  if (text !== null) return { text: text.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
}
