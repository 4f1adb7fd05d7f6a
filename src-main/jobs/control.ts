/** What a job's work is given: a way to tell its progress, and to hear that it should stop. */
export interface JobControl {
  /** `phase` is a word the screens translate; `total` 0 while it is not known yet. */
  progress(phase: string, done: number, total: number): void;
  /** Throws JobCancelled once the job was asked to stop; call it between batches. */
  checkpoint(): void;
}

/** Thrown by `checkpoint()` after a cancel: the job's transaction is rolled back. */
export class JobCancelled extends Error {
  constructor() {
    super('The job was cancelled');
    this.name = 'JobCancelled';
  }
}

/** For the same work run outside a job (a test, a one-off call): no progress, never cancelled. */
export const noJobControl: JobControl = { progress: () => undefined, checkpoint: () => undefined };
