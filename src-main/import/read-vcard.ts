/**
 * A .vcf file (vCard 2.1, 3.0 or 4.0, as phones and mail programs export contacts) as an import
 * source: one row per card, its columns headed with the contact fields' own labels, so 导入联系人
 * maps it without a change and checks it as any contacts file: the customer by ORG's name,
 * duplicates, a customer that does not exist made or rejected, undo. A row is the line of its
 * card's BEGIN:VCARD. Contacts files are small: the file is read and parsed once, when opened.
 */
import fs from 'node:fs';
import { AppError } from '../db/errors';
import { builtInFields } from './field-table';
import type { FileStamp } from './file-check';
import type { ImportRow, ImportSource } from './source-types';
import { decodeVcard, parseVcards, type VcardContact } from './vcard';

/** The contact fields a card fills, by the import field's key. */
const CARD_VALUES: Readonly<Record<string, (c: VcardContact) => string | null>> = {
  customerId: (c) => c.org,
  name: (c) => c.name,
  gender: (c) => c.gender,
  title: (c) => c.title,
  department: (c) => c.department,
  phone: (c) => c.phone,
  mobile: (c) => c.mobile,
  email: (c) => c.email,
  wechat: (c) => c.wechat,
  qq: (c) => c.qq,
  birthday: (c) => c.birthday,
  address: (c) => c.address,
  notes: (c) => c.notes,
};

const columns = builtInFields.contacts.filter((f) => CARD_VALUES[f.key]);

export async function openVcard(file: string, stamp: FileStamp): Promise<ImportSource> {
  const { text, encoding } = decodeVcard(await fs.promises.readFile(file));
  const { cards } = parseVcards(text);
  if (cards.length === 0) {
    throw new AppError('VALIDATION', `${file} has no vCard in it`, { reason: 'import_empty' });
  }
  const rows: ImportRow[] = cards.map((card) => ({
    row: card.line,
    cells: columns.map((f) => {
      const value = CARD_VALUES[f.key]!(card) ?? '';
      // A choice is written as its word, as a spreadsheet would have it (gender: 男 / 女).
      return f.options?.find((o) => o.value === value)?.zh ?? value;
    }),
  }));
  return {
    file,
    kind: 'vcard',
    rowUnit: 'line',
    encoding,
    detectedEncoding: encoding,
    headers: columns.map((f) => f.label.zh),
    headerRow: 0,
    async *rows() {
      yield* rows;
    },
    progress: () => ({ read: stamp.size, total: stamp.size }),
    close: async () => undefined,
  };
}
