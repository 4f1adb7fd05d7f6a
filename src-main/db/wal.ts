import fs from 'node:fs';

/** The first word of a write-ahead log: ...82 for little-endian checksums, ...83 for big-endian. */
const WAL_MAGIC = 0x377f0682;
const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/** SQLite's WAL checksum over `data` (whole 8-byte steps), continuing from `s`. */
function checksum(data: Buffer, bigEndian: boolean, s: [number, number]): [number, number] {
  let [s0, s1] = s;
  for (let i = 0; i + 8 <= data.length; i += 8) {
    const x0 = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const x1 = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

/**
 * Why the write-ahead log beside a database has lost committed saves, or undefined when it has not.
 *
 * SQLite replays a log up to its first frame whose checksum fails and silently drops the rest, which
 * is right for the torn end of a save that never finished, and wrong when saves that did finish
 * follow the broken frame: with synchronous=FULL every commit syncs the log, so a broken frame
 * followed by two commit frames (the end of its own save and at least one more) was whole once and
 * was damaged later. A log whose header is unreadable is dropped whole by SQLite, which loses
 * nothing: the log is only restarted once everything in it is copied into the database. Reads only.
 */
export function walDamage(walFile: string): string | undefined {
  let fd: number;
  try {
    fd = fs.openSync(walFile, 'r');
  } catch {
    return undefined;
  }
  try {
    const size = fs.fstatSync(fd).size;
    const header = Buffer.alloc(WAL_HEADER);
    if (size < WAL_HEADER || fs.readSync(fd, header, 0, WAL_HEADER, 0) < WAL_HEADER) return undefined;
    const magic = header.readUInt32BE(0);
    if ((magic & ~1) >>> 0 !== WAL_MAGIC) return undefined;
    const bigEndian = (magic & 1) === 1;
    const pageSize = header.readUInt32BE(8);
    if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return undefined;
    let sum = checksum(header.subarray(0, 24), bigEndian, [0, 0]);
    if (sum[0] !== header.readUInt32BE(24) || sum[1] !== header.readUInt32BE(28)) return undefined;
    const salt = [header.readUInt32BE(16), header.readUInt32BE(20)];

    const frame = Buffer.alloc(FRAME_HEADER + pageSize);
    let firstBad = -1;
    let commitsAfter = 0;
    for (let i = 0, at = WAL_HEADER; at + frame.length <= size; i++, at += frame.length) {
      fs.readSync(fd, frame, 0, frame.length, at);
      // A frame of an earlier generation of the log: the log ends here.
      if (frame.readUInt32BE(8) !== salt[0] || frame.readUInt32BE(12) !== salt[1]) break;
      if (firstBad >= 0) {
        if (frame.readUInt32BE(4) !== 0) commitsAfter++;
        continue;
      }
      sum = checksum(frame.subarray(0, 8), bigEndian, sum);
      sum = checksum(frame.subarray(FRAME_HEADER), bigEndian, sum);
      if (sum[0] !== frame.readUInt32BE(16) || sum[1] !== frame.readUInt32BE(20)) firstBad = i;
    }
    return firstBad >= 0 && commitsAfter >= 2
      ? `frame ${firstBad + 1} of the write-ahead log is damaged, and ${commitsAfter} committed saves follow it`
      : undefined;
  } finally {
    fs.closeSync(fd);
  }
}
