import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The repository's `migrations/` folder. Bundled builds pass their own folder (Electron ships
 * it as an extra resource), so this is only the default for Node runs from the source tree.
 */
export const defaultMigrationsDir = (): string =>
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations');

/** Reads `NNNN_name.sql` files in order; numbers must run 1, 2, 3 ... without gaps. */
export function loadMigrations(dir: string = defaultMigrationsDir()): Migration[] {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort();
  return files.map((file, i) => {
    const version = Number(file.slice(0, 4));
    if (version !== i + 1) throw new Error(`Migration ${file} is out of sequence: expected ${i + 1}`);
    return { version, name: file, sql: fs.readFileSync(path.join(dir, file), 'utf8') };
  });
}
