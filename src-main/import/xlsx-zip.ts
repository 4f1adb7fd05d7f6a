/**
 * The zip container of an .xlsx, read through its central directory: any part can be streamed
 * in any order straight from the file, inflated as it is read, with nothing copied to disk or
 * held whole in memory. Each part's CRC-32 and size are checked at its end, so a damaged file is
 * refused instead of read as garbage.
 */
import fs from 'node:fs';
import { Readable, pipeline } from 'node:stream';
import zlib from 'node:zlib';

/** Thrown for anything that makes the container unreadable; the workbook reader refuses the file. */
export class ZipError extends Error {
  override name = 'ZipError';
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header in the file. */
  offset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

export class ZipFile {
  private constructor(
    private readonly handle: fs.promises.FileHandle,
    readonly size: number,
    /** Entries by lower-cased name: part names in a package are case-insensitive. */
    private readonly entries: Map<string, ZipEntry>,
  ) {}

  static async open(file: string): Promise<ZipFile> {
    const handle = await fs.promises.open(file, 'r');
    try {
      const { size } = await handle.stat();
      const entries = await readCentralDirectory(handle, size);
      return new ZipFile(handle, size, entries);
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name.replace(/^\/+/, '').toLowerCase());
  }

  /** The part's bytes, inflated, as a stream of chunks; its CRC and size are checked at the end. */
  async *stream(entry: ZipEntry, onRead?: (compressedBytes: number) => void): AsyncGenerator<Buffer> {
    if (entry.flags & 1) throw new ZipError(`${entry.name} is encrypted`);
    if (entry.method !== 0 && entry.method !== 8)
      throw new ZipError(`${entry.name}: compression ${entry.method}`);
    const local = Buffer.alloc(30);
    await readExactly(this.handle, local, entry.offset);
    if (local.readUInt32LE(0) !== LOCAL) throw new ZipError(`${entry.name}: no local header`);
    const start = entry.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    if (start + entry.compressedSize > this.size)
      throw new ZipError(`${entry.name} runs past the end of the file`);

    let raw = 0;
    const handle = this.handle;
    // Read through the one FileHandle with positioned reads: a ReadStream on it would close it
    // when destroyed, and reopening the path could read a file saved over it since.
    async function* compressed(): AsyncGenerator<Buffer> {
      const end = start + entry.compressedSize;
      for (let pos = start; pos < end;) {
        const buf = Buffer.allocUnsafe(Math.min(64 * 1024, end - pos));
        const { bytesRead } = await handle.read(buf, 0, buf.length, pos);
        if (bytesRead === 0) throw new ZipError('unexpected end of file');
        pos += bytesRead;
        onRead?.((raw += bytesRead));
        yield buf.subarray(0, bytesRead);
      }
    }
    const source = Readable.from(compressed(), { objectMode: false });
    const inflater = entry.method === 8 ? zlib.createInflateRaw() : null;
    // pipeline, not pipe: a read error reaches the loop below instead of leaving it waiting.
    const chunks: AsyncIterable<Buffer> = inflater ? pipeline(source, inflater, () => {}) : source;
    let crc = 0;
    let size = 0;
    try {
      for await (const chunk of chunks) {
        crc = zlib.crc32(chunk, crc);
        size += chunk.length;
        if (size > entry.size) throw new ZipError(`${entry.name} is larger than its directory says`);
        yield chunk;
      }
    } catch (err) {
      if (err instanceof ZipError) throw err;
      throw new ZipError(`${entry.name}: ${(err as Error).message}`);
    } finally {
      inflater?.destroy();
      source.destroy();
    }
    if (size !== entry.size || crc >>> 0 !== entry.crc32) throw new ZipError(`${entry.name} is damaged`);
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

async function readExactly(handle: fs.promises.FileHandle, buf: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < buf.length) {
    const { bytesRead } = await handle.read(buf, done, buf.length - done, position + done);
    if (bytesRead === 0) throw new ZipError('unexpected end of file');
    done += bytesRead;
  }
}

async function readCentralDirectory(
  handle: fs.promises.FileHandle,
  fileSize: number,
): Promise<Map<string, ZipEntry>> {
  // The end record is in the last 22 bytes, or before a comment of up to 65,535 bytes.
  const tailSize = Math.min(fileSize, 22 + 0xffff + 20);
  const tail = Buffer.alloc(tailSize);
  await readExactly(handle, tail, fileSize - tailSize);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw new ZipError('no end of central directory (the file is cut short or not a zip)');
  let count = tail.readUInt16LE(eocd + 10);
  let cdSize = tail.readUInt32LE(eocd + 12);
  let cdOffset = tail.readUInt32LE(eocd + 16);

  if (count === 0xffff || cdSize === MAX32 || cdOffset === MAX32) {
    // ZIP64: the real numbers are in a record the locator just before the end record points to.
    if (eocd < 20 || tail.readUInt32LE(eocd - 20) !== ZIP64_LOCATOR) throw new ZipError('no ZIP64 locator');
    const record = Buffer.alloc(56);
    await readExactly(handle, record, Number(tail.readBigUInt64LE(eocd - 12)));
    if (record.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipError('no ZIP64 end record');
    count = Number(record.readBigUInt64LE(32));
    cdSize = Number(record.readBigUInt64LE(40));
    cdOffset = Number(record.readBigUInt64LE(48));
  }
  if (cdOffset + cdSize > fileSize || cdSize > 64 * 1024 * 1024) throw new ZipError('bad central directory');

  const cd = Buffer.alloc(cdSize);
  await readExactly(handle, cd, cdOffset);
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL)
      throw new ZipError('bad central directory entry');
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const entry: ZipEntry = {
      name: cd.toString('utf8', p + 46, p + 46 + nameLength).replace(/\\/g, '/'),
      flags: cd.readUInt16LE(p + 8),
      method: cd.readUInt16LE(p + 10),
      crc32: cd.readUInt32LE(p + 16),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      offset: cd.readUInt32LE(p + 42),
    };
    readZip64Extra(entry, cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
    entries.set(entry.name.replace(/^\/+/, '').toLowerCase(), entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** ZIP64's extra field holds, in order, each size or offset whose 32-bit field is all ones. */
function readZip64Extra(entry: ZipEntry, extra: Buffer): void {
  for (let p = 0; p + 4 <= extra.length;) {
    const id = extra.readUInt16LE(p);
    const length = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => {
        if (q + 8 > p + 4 + length) throw new ZipError('bad ZIP64 extra field');
        const v = Number(extra.readBigUInt64LE(q));
        q += 8;
        return v;
      };
      if (entry.size === MAX32) entry.size = next();
      if (entry.compressedSize === MAX32) entry.compressedSize = next();
      if (entry.offset === MAX32) entry.offset = next();
      return;
    }
    p += 4 + length;
  }
}
