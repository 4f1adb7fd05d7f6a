/**
 * A small streaming XML scanner for the parts of an .xlsx (machine-written SpreadsheetML):
 * start and end tags, text, CDATA; comments and processing instructions skipped. A DOCTYPE is
 * refused, so no entity is ever expanded beyond the five predefined ones and character references.
 *
 * Bytes are decoded with one streaming TextDecoder per part, so a Chinese character cut between
 * two inflated chunks comes out whole. (exceljs 4.4's streaming reader decodes each chunk on its
 * own and turns such characters into U+FFFD, which is why the workbook is not read with it.)
 */

export interface XmlHandler {
  /** A start tag (`selfClosing` for `<x/>`); `name` without its namespace prefix; `attrs` is the raw attribute text. */
  open(name: string, attrs: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Text between tags, entities decoded; one text node may arrive in several pieces. */
  text(text: string): void;
}

export class XmlError extends Error {
  override name = 'XmlError';
}

export class XmlScanner {
  private buf = '';
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  constructor(private readonly handler: XmlHandler) {}

  writeBytes(chunk: Uint8Array): void {
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      throw new XmlError('not UTF-8');
    }
    this.write(text);
  }

  write(text: string): void {
    this.buf = this.buf === '' ? text : this.buf + text;
    this.scan();
  }

  /** The end of the part: anything left unfinished means it was cut short. */
  end(): void {
    this.decoder.decode();
    if (this.buf.trim() !== '') throw new XmlError('the XML ends in the middle of a tag');
  }

  private scan(): void {
    const s = this.buf;
    const h = this.handler;
    let i = 0;
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt === -1) {
        // Text up to the end, except a possibly unfinished entity ("&am" + "p;" next time).
        const amp = s.lastIndexOf('&');
        const keep = amp >= i && s.indexOf(';', amp) === -1 && s.length - amp < 12 ? amp : s.length;
        if (keep > i) h.text(decodeEntities(s.slice(i, keep)));
        i = keep;
        break;
      }
      if (lt > i) h.text(decodeEntities(s.slice(i, lt)));
      i = lt;
      const c = s.charCodeAt(lt + 1);
      if (c === 0x21 /* ! */) {
        if (s.startsWith('<!--', lt)) {
          const end = s.indexOf('-->', lt + 4);
          if (end === -1) break;
          i = end + 3;
        } else if (s.startsWith('<![CDATA[', lt)) {
          const end = s.indexOf(']]>', lt + 9);
          if (end === -1) break;
          h.text(s.slice(lt + 9, end));
          i = end + 3;
        } else if (s.length - lt < 9) {
          break; // not enough yet to tell what it is
        } else {
          throw new XmlError('a DOCTYPE or other declaration, which a workbook never has');
        }
        continue;
      }
      if (c === 0x3f /* ? */) {
        const end = s.indexOf('?>', lt + 2);
        if (end === -1) break;
        i = end + 2;
        continue;
      }
      const end = tagEnd(s, lt + 1);
      if (end === -1) break; // the tag goes on in the next chunk
      if (c === 0x2f /* / */) {
        h.close(localName(s.slice(lt + 2, end).trim()));
      } else {
        const selfClosing = s.charCodeAt(end - 1) === 0x2f;
        const body = s.slice(lt + 1, selfClosing ? end - 1 : end);
        const space = body.search(/\s/);
        const name = space === -1 ? body : body.slice(0, space);
        h.open(localName(name), space === -1 ? '' : body.slice(space), selfClosing);
        if (selfClosing) h.close(localName(name));
      }
      i = end + 1;
    }
    this.buf = i === 0 ? s : s.slice(i);
  }
}

/** The `>` that ends a tag starting at `from`, skipping any inside quoted attribute values. */
function tagEnd(s: string, from: number): number {
  let quote = 0;
  for (let j = from; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return j;
  }
  return -1;
}

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
};

const attrPattern = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** A tag's attributes by local name (`r:id` → `id`), values decoded. */
export function parseAttrs(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw === '') return out;
  attrPattern.lastIndex = 0;
  for (let m = attrPattern.exec(raw); m; m = attrPattern.exec(raw)) {
    out[localName(m[1]!)] = decodeEntities(m[2] ?? m[3] ?? '');
  }
  return out;
}

const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (all, ref: string) => {
    if (ref[0] !== '#') return named[ref] ?? all;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/**
 * Excel writes characters XML cannot hold (control characters, and a CR in a cell) as `_xHHHH_`,
 * and a literal `_x` that would look like one as `_x005F_x`. This turns them back into text.
 */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf('_x') === -1) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Feeds a part's chunks to a handler; `after` runs after each chunk (to hand over what it built). */
export async function scanXml(
  chunks: AsyncIterable<Uint8Array>,
  handler: XmlHandler,
  after?: () => void,
): Promise<void> {
  const scanner = new XmlScanner(handler);
  for await (const chunk of chunks) {
    scanner.writeBytes(chunk);
    after?.();
  }
  scanner.end();
}
