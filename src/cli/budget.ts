/**
 * The time budget of one file (issue 17): a file is worked on in a worker
 * thread, and one that runs past its budget has its worker stopped and
 * replaced, so the run goes on with the other files.
 */
import { Worker } from 'node:worker_threads';

/** Seconds a file of `bytes` may take when the user sets no budget: a floor, and a few seconds per MB. */
export function defaultBudget(bytes: number): number {
  return 10 + (4 * bytes) / 1024 / 1024;
}

export type Outcome<T> = { result: T } | { timedOut: true; seconds: number };

/**
 * Worker threads running one job each at a time. A worker is started when a
 * job needs one and kept for the next job (its modules and data loaded once).
 */
export function budgetedPool<T>(script: URL, workerData: unknown, size: number) {
  const idle: Worker[] = [];
  const all = new Set<Worker>();
  const waiting: (() => void)[] = [];
  let started = 0;
  const take = async (): Promise<Worker> => {
    for (;;) {
      const worker = idle.pop();
      if (worker) return worker;
      if (started < size) {
        started++;
        const fresh = new Worker(script, { workerData });
        fresh.unref();
        all.add(fresh);
        return fresh;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };
  const give = (worker: Worker | null) => {
    if (worker) idle.push(worker);
    else started--;
    waiting.shift()?.();
  };
  return {
    /** Run one job; past `seconds` its worker is stopped and the job reported as timed out. */
    async run(job: unknown, seconds: number): Promise<Outcome<T>> {
      const worker = await take();
      return new Promise<Outcome<T>>((resolve, reject) => {
        const done = (outcome: Outcome<T> | null, error?: unknown) => {
          clearTimeout(timer);
          worker.off('message', onMessage);
          worker.off('error', onError);
          if (outcome && !('timedOut' in outcome)) give(worker);
          else {
            all.delete(worker);
            void worker.terminate();
            give(null);
          }
          if (outcome) resolve(outcome);
          else reject(error);
        };
        const onMessage = (result: T) => done({ result });
        const onError = (error: unknown) => done(null, error);
        const timer = setTimeout(() => done({ timedOut: true, seconds }), seconds * 1000);
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.postMessage(job);
      });
    },
    async close(): Promise<void> {
      await Promise.all([...all].map((worker) => worker.terminate()));
    },
  };
}
