import type { Envelope, JobInfo } from '../../src-main/contract';
import type { DatabaseHost } from '../../src-main/service/host';

/** Calls a channel through the database worker and gives its data; a refusal fails the test. */
export async function hostData<T>(host: DatabaseHost, channel: string, input: unknown = {}): Promise<T> {
  const envelope: Envelope<unknown> = await host.invoke(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope.error)}`);
  return envelope.data as T;
}

/** Starts a job through the database worker and waits (a minute at most) until it has ended. */
export async function hostJob(host: DatabaseHost, input: Record<string, unknown>): Promise<JobInfo> {
  let info = await hostData<JobInfo>(host, 'jobs.start', input);
  for (const start = Date.now(); info.state === 'running' && Date.now() - start < 60_000;) {
    await new Promise((done) => setTimeout(done, 20));
    info = await hostData<JobInfo>(host, 'jobs.get', { id: info.id });
  }
  return info;
}
