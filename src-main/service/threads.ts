import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a thread from one of this folder's entry files. Built, they are JavaScript beside the
 * bundle (out/main/db-worker.js); from the source tree (the browser edition, tests) they are
 * TypeScript, loaded through tsx inside the new thread, since a worker does not inherit the
 * loader hooks of the thread that starts it.
 */
export function startThread(entry: URL, options: WorkerOptions = {}): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const load = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(load, { ...options, eval: true });
}

/** An entry file of this folder, in the same form (.ts or .js) as the file asking for it. */
export function siblingEntry(name: string, from: string): URL {
  const here = new URL(from);
  // A module loaded through tsx carries a query after its path (…/jobs.ts?namespace=…).
  here.search = '';
  return new URL(`./${name}${here.pathname.endsWith('.ts') ? '.ts' : '.js'}`, here);
}
