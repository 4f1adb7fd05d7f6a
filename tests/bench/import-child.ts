/**
 * One import in a process of its own, as the app runs it (the database worker and its job thread
 * in this process), for import.ts: prints its time, the lists read meanwhile and the process's
 * peak resident memory as JSON. Argument: `{ dir, file, job }` as JSON.
 */
import { importOnce, type ChildImport } from './import';

const { dir, file, job } = JSON.parse(process.argv[2]!) as {
  dir: string;
  file: string;
  job: Record<string, unknown>;
};
const lists: number[] = [];
const peak = { rss: 0 };
const ms = await importOnce(dir, file, job, lists, peak);
const report: ChildImport = { ms, lists, peakRss: peak.rss };
process.stdout.write(JSON.stringify(report));
