import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppErrorData } from '../../src-main/contract';
import { AppError } from '../../src-main/db/errors';
import { openImportSource, type ImportRow, type ImportSource } from '../../src-main/import/source';
import { sha256File } from './db';

/** A file of tests/fixtures/import. */
export const importFixture = (name: string) =>
  path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'import', name);

export const sha256 = sha256File;

/** Every row a source gives, in order. */
export async function allRows(source: ImportSource): Promise<ImportRow[]> {
  const rows: ImportRow[] = [];
  for await (const row of source.rows()) rows.push(row);
  return rows;
}

/** Opens a file as the import does and reads every row of it. */
export async function readImportFile(file: string, opts: Parameters<typeof openImportSource>[1] = {}) {
  const source = await openImportSource(file, opts);
  try {
    return { source, rows: await allRows(source) };
  } finally {
    await source.close();
  }
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
