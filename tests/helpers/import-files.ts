import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppErrorData } from '../../src-main/contract';
import { AppError } from '../../src-main/db/errors';
import type { ImportRow, ImportSource } from '../../src-main/import/source';

/** A file of tests/fixtures/import. */
export const importFixture = (name: string) =>
  path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'import', name);

export const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Every row a source gives, in order. */
export async function allRows(source: ImportSource): Promise<ImportRow[]> {
  const rows: ImportRow[] = [];
  for await (const row of source.rows()) rows.push(row);
  return rows;
}

/** The refusal a promise ends in, as it crosses to the screen; fails if it does not refuse. */
export async function refusal(promise: Promise<unknown>): Promise<AppErrorData> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof AppError) return err.toData();
    throw err;
  }
  throw new Error('expected a refusal');
}
