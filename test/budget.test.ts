/** The worker pool behind `extract`'s time budget (src/cli/budget.ts), with real worker threads. */
import { describe, expect, it } from 'vitest';
import { budgetedPool } from '../src/cli/budget.js';

const script = new URL('./fixtures/budget/worker.mjs', import.meta.url);

describe('budgetedPool', () => {
  it('greets a worker started early, and the one that replaces a worker stopped past its budget', async () => {
    const pool = budgetedPool<{ job: number; greeting: string | null }>(script, null, 1);
    try {
      pool.warm();
      pool.greet({ greeting: 'units' });
      expect(await pool.run({ job: 1, spin: 0 }, 10)).toEqual({ result: { job: 1, greeting: 'units' } });
      // past its budget the worker is stopped; the job queued behind it runs on a new one, greeted too
      const [late, next] = await Promise.all([pool.run({ job: 2, spin: 2_000 }, 0.2), pool.run({ job: 3, spin: 0 }, 10)]);
      expect(late).toEqual({ timedOut: true, seconds: 0.2 });
      expect(next).toEqual({ result: { job: 3, greeting: 'units' } });
    } finally {
      await pool.close();
    }
  });
});
