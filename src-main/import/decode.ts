/**
 * Text files for import: which encoding they are in, and their text as a stream.
 *
 * Chinese Excel saves "CSV (逗号分隔)" in GBK, other programs in UTF-8 (with or without a BOM),
 * Excel's "Unicode text" in UTF-16 LE with a BOM. So: a BOM wins; else bytes that are strict
 * UTF-8 are UTF-8; else GB18030, which is a superset of GBK (and of GB2312). The user can
 * override the guess after seeing a decoded preview.
 */
import { isAscii } from 'node:buffer';
import fs from 'node:fs';
import iconv from 'iconv-lite';
import { AppError } from '../db/errors';

/** The encodings an import file can be read in; iconv-lite knows all four by these names. */
export const textEncodings = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const;
export type TextEncoding = (typeof textEncodings)[number];

/** How the encoding was found: from a byte-order mark, from bytes that are valid UTF-8, or by elimination. */
export type EncodingEvidence = 'bom' | 'utf-8' | 'not-utf-8' | 'ascii' | 'override';

export interface DetectedEncoding {
  encoding: TextEncoding;
  evidence: EncodingEvidence;
  /** Length of the byte-order mark at the start of the file (skipped when reading), 0 if none. */
  bomLength: number;
}

/** How many bytes the detection checks, and the size of the chunks a file is read in. */
export const SAMPLE_BYTES = 64 * 1024;

const boms: { encoding: TextEncoding; bytes: number[] }[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

/** The encoding a byte-order mark at the start of `bytes` announces, if any. */
export function bomOf(bytes: Uint8Array): { encoding: TextEncoding; length: number } | null {
  for (const bom of boms) {
    if (bom.bytes.every((b, i) => bytes[i] === b))
      return { encoding: bom.encoding, length: bom.bytes.length };
  }
  return null;
}

/**
 * Whether `bytes` are strict UTF-8. When `cut` is true the bytes are a sample that may end in
 * the middle of a character: an incomplete sequence at the very end is not counted against it.
 */
export function isStrictUtf8(bytes: Uint8Array, cut: boolean): boolean {
  try {
    // `stream: true` keeps an unfinished last sequence pending instead of calling it invalid.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: cut });
    return true;
  } catch {
    return false;
  }
}

/**
 * The encoding of a text sample taken from the start of a file. `cut` says the file goes on
 * past the sample. ASCII-only bytes are called UTF-8 (they read the same in every candidate).
 */
export function detectEncoding(sample: Uint8Array, cut: boolean): DetectedEncoding {
  const bom = bomOf(sample);
  if (bom) return { encoding: bom.encoding, evidence: 'bom', bomLength: bom.length };
  if (isAscii(sample)) return { encoding: 'utf-8', evidence: 'ascii', bomLength: 0 };
  return isStrictUtf8(sample, cut)
    ? { encoding: 'utf-8', evidence: 'utf-8', bomLength: 0 }
    : { encoding: 'gb18030', evidence: 'not-utf-8', bomLength: 0 };
}

/** The first `bytes` bytes of a file, and whether the file goes on past them. */
export async function readHead(file: string, bytes = SAMPLE_BYTES): Promise<{ head: Buffer; cut: boolean }> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buf = Buffer.alloc(bytes + 1);
    let filled = 0;
    while (filled < buf.length) {
      const { bytesRead } = await handle.read(buf, filled, buf.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { head: buf.subarray(0, Math.min(filled, bytes)), cut: filled > bytes };
  } finally {
    await handle.close();
  }
}

/**
 * The encoding of a whole file. A BOM decides at once. Otherwise the bytes that decide are the
 * first ones that are not ASCII (an English header and plain digits read the same in every
 * candidate): up to 64 KiB from there are checked for strict UTF-8, reading on past the start of
 * the file as far as needed, a chunk at a time. A file that is ASCII to the end is UTF-8.
 */
export async function detectFileEncoding(file: string): Promise<DetectedEncoding> {
  const { head } = await readHead(file, 4);
  const bom = bomOf(head);
  if (bom) return { encoding: bom.encoding, evidence: 'bom', bomLength: bom.length };
  const window = await firstNonAscii(file, SAMPLE_BYTES);
  if (!window) return { encoding: 'utf-8', evidence: 'ascii', bomLength: 0 };
  return isStrictUtf8(window.bytes, window.cut)
    ? { encoding: 'utf-8', evidence: 'utf-8', bomLength: 0 }
    : { encoding: 'gb18030', evidence: 'not-utf-8', bomLength: 0 };
}

/** Up to `size` bytes starting at the file's first byte above 0x7F, or null for an ASCII file. */
async function firstNonAscii(file: string, size: number): Promise<{ bytes: Buffer; cut: boolean } | null> {
  const stream = fs.createReadStream(file, { highWaterMark: SAMPLE_BYTES });
  let window: Buffer | null = null;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (window) window = Buffer.concat([window, chunk]);
      else if (!isAscii(chunk)) window = chunk.subarray(chunk.findIndex((b) => b > 0x7f));
      if (window && window.length >= size) return { bytes: window.subarray(0, size), cut: true };
    }
    return window && { bytes: window, cut: false };
  } finally {
    stream.destroy();
  }
}

/** The encoding to read with: the user's choice, else the detected one; with the BOM to skip. */
export function chooseEncoding(detected: DetectedEncoding, override?: TextEncoding): DetectedEncoding {
  if (!override || override === detected.encoding) return detected;
  // A BOM is skipped only when it belongs to the encoding chosen.
  return { encoding: override, evidence: 'override', bomLength: 0 };
}

/** A streaming decoder: bytes in, text out, with characters cut between chunks put back together. */
interface Decoder {
  write(bytes: Buffer): string;
  end(): string;
}

function makeDecoder(encoding: TextEncoding, strict: boolean): Decoder {
  if (encoding === 'utf-8') {
    // TextDecoder, not iconv-lite, for UTF-8: it can refuse invalid bytes instead of replacing them.
    const decoder = new TextDecoder('utf-8', { fatal: strict, ignoreBOM: true });
    return { write: (b) => decoder.decode(b, { stream: true }), end: () => decoder.decode() };
  }
  const decoder = iconv.getDecoder(encoding, { stripBOM: false });
  return { write: (b) => decoder.write(b), end: () => decoder.end() ?? '' };
}

export interface DecodeOptions {
  encoding: TextEncoding;
  /** Bytes to skip at the start of the file: the BOM of the encoding read with. */
  bomLength?: number;
  /**
   * Refuse bytes that are not valid UTF-8 (with the line they are on) instead of turning them
   * into U+FFFD. For reading rows; a preview shows the replacement characters instead, so the
   * user sees that another encoding is needed.
   */
  strict?: boolean;
  /** Told how many bytes of the file have been read, after each chunk. */
  onBytes?: (read: number) => void;
}

/**
 * The text of a file as a stream of strings, decoded as it is read: memory holds one chunk
 * (64 KiB) at a time however large the file. Stopping the iteration closes the file.
 */
export async function* decodeFile(file: string, opts: DecodeOptions): AsyncGenerator<string> {
  const strict = opts.strict ?? true;
  const decoder = makeDecoder(opts.encoding, strict);
  const stream = fs.createReadStream(file, { start: opts.bomLength ?? 0, highWaterMark: SAMPLE_BYTES });
  let read = opts.bomLength ?? 0;
  let line = 1;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      read += chunk.length;
      let text: string;
      try {
        text = decoder.write(chunk);
      } catch {
        throw notValidText(opts.encoding, line + lineBreaksBeforeInvalid(chunk));
      }
      opts.onBytes?.(read);
      if (text) {
        line += countLineFeeds(text);
        yield text;
      }
    }
    let rest: string;
    try {
      rest = decoder.end();
    } catch {
      // The file ends in the middle of a character.
      throw notValidText(opts.encoding, line);
    }
    if (rest) yield rest;
  } finally {
    stream.destroy();
  }
}

function notValidText(encoding: TextEncoding, line: number): AppError {
  return new AppError('VALIDATION', `The file is not valid ${encoding} text at line ${line}`, {
    reason: 'import_encoding',
    params: { encoding, line },
  });
}

function countLineFeeds(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Line feeds in a chunk before its first invalid UTF-8 sequence (0x0A is only ever a line feed in UTF-8). */
function lineBreaksBeforeInvalid(chunk: Buffer): number {
  const text = new TextDecoder('utf-8').decode(chunk);
  const bad = text.indexOf('\uFFFD');
  return countLineFeeds(bad === -1 ? text : text.slice(0, bad));
}

export interface TextPreview extends DetectedEncoding {
  /** What detection found, before any override. */
  detected: DetectedEncoding;
  /** The first lines of the file as decoded (invalid bytes shown as U+FFFD), joined with \n. */
  text: string;
  /** The decoded text as read (up to `maxBytes`), its line breaks as in the file. */
  raw: string;
  /** Whether the file has more lines than shown. */
  more: boolean;
}

/**
 * The first `lines` lines of a text file, decoded, for the screen that lets the user check the
 * encoding and switch it. Reads at most `maxBytes` from the start of the file.
 */
export async function previewText(
  file: string,
  opts: { encoding?: TextEncoding; lines?: number; maxBytes?: number; detected?: DetectedEncoding } = {},
): Promise<TextPreview> {
  const detected = opts.detected ?? (await detectFileEncoding(file));
  const chosen = chooseEncoding(detected, opts.encoding);
  const wanted = opts.lines ?? 20;
  const maxBytes = opts.maxBytes ?? SAMPLE_BYTES;
  let text = '';
  let bytes = 0;
  let whole = true;
  for await (const piece of decodeFile(file, {
    encoding: chosen.encoding,
    bomLength: chosen.bomLength,
    strict: false,
    onBytes: (n) => (bytes = n),
  })) {
    text += piece;
    if (splitLines(text).length > wanted || bytes >= maxBytes) {
      whole = false;
      break;
    }
  }
  const all = splitLines(text);
  // A last line cut by the byte limit is shown as far as it was read.
  return {
    ...chosen,
    detected,
    text: all.slice(0, wanted).join('\n'),
    raw: text,
    more: !whole || all.length > wanted,
  };
}

/** Lines as a text editor counts them: CRLF, LF and a lone CR each end one. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Line breaks inside a cell as \n, whichever the file used (a workbook's cells hold \n too). */
export const normaliseBreaks = (text: string) =>
  text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
