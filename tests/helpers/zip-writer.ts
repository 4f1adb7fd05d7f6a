import fs from 'node:fs';
import zlib from 'node:zlib';

export interface ZipOptions {
  /** Deflate the parts (as Excel does); else store them. */
  deflate?: boolean;
  /** Write ZIP64 records and extra fields, as some writers do for large files. */
  zip64?: boolean;
}

/**
 * A zip of the given parts, written by hand so tests can make workbooks that exceljs does not
 * write (inline strings, prefixed XML, 1904 dates, ZIP64) and damage them on purpose.
 */
export function writeZip(
  file: string,
  parts: [name: string, content: string | Buffer][],
  opts: ZipOptions = {},
) {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of parts) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const packed = opts.deflate ? zlib.deflateRawSync(data) : data;
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const method = opts.deflate ? 8 : 0;
    const big = opts.zip64 ?? false;
    const extra = Buffer.alloc(big ? 28 : 0);
    if (big) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(data.length), 4);
      extra.writeBigUInt64LE(BigInt(packed.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(big ? 45 : 20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(big ? 0xffffffff : packed.length, 18);
    local.writeUInt32LE(big ? 0xffffffff : data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(big ? 20 : 0, 28);
    const localExtra = big ? Buffer.concat([extra.subarray(0, 4), extra.subarray(4, 20)]) : Buffer.alloc(0);
    if (big) localExtra.writeUInt16LE(16, 2);
    locals.push(local, nameBytes, localExtra, packed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(big ? 45 : 20, 4);
    central.writeUInt16LE(big ? 45 : 20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(big ? 0xffffffff : packed.length, 20);
    central.writeUInt32LE(big ? 0xffffffff : data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(big ? 0xffffffff : offset, 42);
    centrals.push(central, nameBytes, extra);
    offset += 30 + nameBytes.length + localExtra.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (opts.zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(parts.length), 24);
    record.writeBigUInt64LE(BigInt(parts.length), 32);
    record.writeBigUInt64LE(BigInt(cd.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + cd.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(opts.zip64 ? 0xffff : parts.length, 8);
  end.writeUInt16LE(opts.zip64 ? 0xffff : parts.length, 10);
  end.writeUInt32LE(opts.zip64 ? 0xffffffff : cd.length, 12);
  end.writeUInt32LE(opts.zip64 ? 0xffffffff : offset, 16);
  fs.writeFileSync(file, Buffer.concat([...locals, cd, ...tail, end]));
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetPart {
  name: string;
  xml: string;
  hidden?: boolean;
  /** A chart sheet: listed in the workbook, but has no cells. */
  chart?: boolean;
}

/** The parts of a minimal workbook around the given sheets, shared strings and styles. */
export function workbookParts(opts: {
  sheets: SheetPart[];
  sharedStrings?: string;
  styles?: string;
  date1904?: boolean;
  /** How the workbook's relationships name the shared strings part (case differs in some files). */
  sharedStringsTarget?: string;
}): [string, string][] {
  const rels = opts.sheets.map(
    (s, i) =>
      `<Relationship Id="rId${i + 1}" Type="${REL}/${s.chart ? 'chartsheet' : 'worksheet'}" Target="${s.chart ? 'chartsheets' : 'worksheets'}/sheet${i + 1}.xml"/>`,
  );
  if (opts.sharedStrings !== undefined) {
    rels.push(
      `<Relationship Id="rSS" Type="${REL}/sharedStrings" Target="${opts.sharedStringsTarget ?? 'sharedStrings.xml'}"/>`,
    );
  }
  if (opts.styles !== undefined)
    rels.push(`<Relationship Id="rST" Type="${REL}/styles" Target="styles.xml"/>`);
  const parts: [string, string][] = [
    ['[Content_Types].xml', '<?xml version="1.0"?><Types/>'],
    [
      '_rels/.rels',
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">` +
        (opts.date1904 ? '<workbookPr date1904="1"/>' : '') +
        '<sheets>' +
        opts.sheets
          .map(
            (s, i) =>
              `<sheet name="${s.name}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`,
          )
          .join('') +
        '</sheets></workbook>',
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    ],
  ];
  opts.sheets.forEach((s, i) =>
    parts.push([`xl/${s.chart ? 'chartsheets' : 'worksheets'}/sheet${i + 1}.xml`, s.xml]),
  );
  if (opts.sharedStrings !== undefined) parts.push(['xl/sharedStrings.xml', opts.sharedStrings]);
  if (opts.styles !== undefined) parts.push(['xl/styles.xml', opts.styles]);
  return parts;
}
