/**
 * Text as GBK bytes, for a CSV that older Excel and WPS on Chinese Windows open as it is. Browsers
 * decode GBK but encode UTF-8 only (TextEncoder), so the encoder is the browser's own GBK decoder
 * read backwards: every two-byte GBK code is decoded once, on first use, into a table of
 * character → code. A character GBK has no code for (an emoji, a rare CJK extension character)
 * is written as `?`.
 */

let table: Map<string, number> | undefined;

function gbkTable(): Map<string, number> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gbk', { fatal: true });
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      let ch: string;
      try {
        ch = decoder.decode(pair);
      } catch {
        continue; // not a code GBK assigns
      }
      if (ch.length === 1 && !table.has(ch)) table.set(ch, (lead << 8) | trail);
    }
  }
  return table;
}

export function encodeGbk(text: string): Uint8Array {
  const codes = gbkTable();
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    const code = codes.get(ch);
    if (code === undefined) out[n++] = 0x3f;
    else {
      out[n++] = code >> 8;
      out[n++] = code & 0xff;
    }
  }
  return out.slice(0, n);
}
