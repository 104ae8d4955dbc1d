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
 * Worker threads, each sent its next job before it finishes the one in hand
 * (a worker that waited for the main thread between files was idle a tenth
 * of the run). A job's budget runs from when its worker starts on it: when
 * the job before it came back. A worker is started when a job needs one and
 * kept for the next jobs (its modules and data loaded once); one stopped past
 * a budget, or failing, hands the jobs queued behind it to another.
 */
export function budgetedPool<T>(script: URL, workerData: unknown, size: number) {
  type Queued = { job: unknown; seconds: number; settle: (outcome: Outcome<T> | null, error?: unknown) => void; timer?: NodeJS.Timeout };
  // jobs in a worker's hands at once: the one it works on and the next
  const depth = 2;
  const workers = new Map<Worker, Queued[]>();
  const waiting: (() => void)[] = [];
  const wake = () => waiting.shift()?.();
  const startClock = (worker: Worker, queued: Queued) => {
    queued.timer = setTimeout(() => stop(worker, { timedOut: true, seconds: queued.seconds }), queued.seconds * 1000);
  };
  // the worker is gone: its job in hand ends so, the ones behind it start again elsewhere
  const stop = (worker: Worker, outcome: Outcome<T> | null, error?: unknown) => {
    const queue = workers.get(worker);
    if (!queue) return;
    workers.delete(worker);
    void worker.terminate();
    const [head, ...behind] = queue;
    clearTimeout(head?.timer);
    head?.settle(outcome, error);
    for (const queued of behind) void dispatch(queued);
    wake();
  };
  // what every worker is told before its first job, however late it starts (a replacement after a timeout too)
  let greeting: unknown;
  const start = (): Worker => {
    const worker = new Worker(script, { workerData });
    workers.set(worker, []);
    if (greeting !== undefined) worker.postMessage(greeting);
    worker.on('message', (result: T) => {
      const queue = workers.get(worker);
      const head = queue?.shift();
      if (!queue || !head) return;
      clearTimeout(head.timer);
      if (queue[0]) startClock(worker, queue[0]);
      head.settle({ result });
      wake();
    });
    worker.on('error', (error) => stop(worker, null, error));
    return worker;
  };
  const dispatch = async (queued: Queued): Promise<void> => {
    for (;;) {
      // the least busy worker with room, else a new one while the pool has room, else wait for one
      let chosen: Worker | null = null;
      for (const [worker, queue] of workers) if (queue.length < depth && (!chosen || queue.length < workers.get(chosen)!.length)) chosen = worker;
      if (!chosen || (workers.get(chosen)!.length > 0 && workers.size < size)) chosen = workers.size < size ? start() : chosen;
      if (chosen) {
        const queue = workers.get(chosen)!;
        queue.push(queued);
        if (queue.length === 1) startClock(chosen, queued);
        chosen.postMessage(queued.job);
        return;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };
  return {
    /** Start a worker before the first job, so its modules load while the caller gets ready. */
    warm(): void {
      if (workers.size === 0) start();
    },
    /** A message for every worker, before any job: those running now and any started later. */
    greet(message: unknown): void {
      greeting = message;
      for (const worker of workers.keys()) worker.postMessage(message);
    },
    /** Run one job; past `seconds` its worker is stopped and the job reported as timed out. */
    run(job: unknown, seconds: number): Promise<Outcome<T>> {
      return new Promise<Outcome<T>>((resolve, reject) => {
        void dispatch({ job, seconds, settle: (outcome, error) => (outcome ? resolve(outcome) : reject(error)) });
      });
    },
    async close(): Promise<void> {
      await Promise.all([...workers.keys()].map((worker) => worker.terminate()));
    },
  };
}

export type BudgetedPool<T> = ReturnType<typeof budgetedPool<T>>;
