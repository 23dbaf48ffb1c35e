// Desk: runs started on the board share the CLI's run lock: a CLI run in progress makes the desk's run stop with the
// lock's message instead of writing beside it; the run's progress is readable as JSON for the board's script.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireRunLock } from '../../pipeline/db/acquire-run-lock.ts';
import { createClient, STAFF, startTestDesk, type TestDesk } from './desk-test-harness.ts';

let t: TestDesk;
beforeAll(async () => {
  t = await startTestDesk();
});
afterAll(async () => {
  await t?.close();
});

async function waitForRun(period: string): Promise<void> {
  for (let i = 0; i < 600 && t.desk.context.runs.get(period)?.state === 'running'; i++) await new Promise((r) => setTimeout(r, 100));
}

describe('runs from the desk', () => {
  it('stops with the lock holder named when a CLI run holds the database', async () => {
    const client = createClient(t.url);
    const csrf = await client.signIn(STAFF.clerk);
    const lock = acquireRunLock(t.desk.context.database.file, 'run --period 2025-H1');
    try {
      const res = await client.post('/ky/2025-H1/chay', { _csrf: csrf });
      expect(res.status).toBe(303);
      await waitForRun('2025-H1');
    } finally {
      lock.release();
    }
    const run = t.desk.context.runs.get('2025-H1')!;
    expect(run.state).toBe('failed');
    expect(run.summary).toContain('run --period 2025-H1');
    const progress = (await (await client.get('/ky/2025-H1/tien-trinh')).json()) as { state: string; summary: string };
    expect(progress).toMatchObject({ state: 'failed' });
    const board = await (await client.get('/ky/2025-H1')).text();
    expect(board).toContain('đang được một lượt chạy khác dùng');
  });

  it('reconciles and reports what is staged when asked for the report only', async () => {
    const client = createClient(t.url);
    const csrf = await client.signIn(STAFF.clerk);
    await client.post('/ky/2025-H1/bao-cao/lap', { _csrf: csrf });
    await waitForRun('2025-H1');
    const run = t.desk.context.runs.get('2025-H1')!;
    expect(run.state).toBe('done');
    expect(run.stages.map((s) => `${s.stage}:${s.status}`)).toEqual(['seed:ok', 'ingest:skipped', 'reconcile:ok', 'report:ok']);
    const page = await (await client.get('/ky/2025-H1/bao-cao')).text();
    expect(page).toContain('six-month.pdf');
    const preview = await client.get('/ky/2025-H1/xem/six-month');
    expect(preview.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
  });
});
