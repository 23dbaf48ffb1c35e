// Desk: runs or reruns a period from the board with `runPeriod`, the function `kehoach run` calls, in the
// background under the run lock; the board shows its stages as they go.
import fs from 'node:fs';
import path from 'node:path';
import { runPeriod, type RunStage } from '../batch/run-period.ts';
import { defaultKinds } from '../batch/default-kinds.ts';
import { parsePeriod } from '../shared/parse-period.ts';
import { isPipelineError } from '../shared/pipeline-error.ts';
import type { DeskContext, DeskRun } from './create-desk-context.ts';
import { recordAudit } from './record-audit.ts';

/** Vietnamese name of each stage, as the progress shows it. */
export const STAGE_LABELS: Record<RunStage, string> = {
  seed: 'Kiểm tra danh mục',
  ingest: 'Tiếp nhận tệp',
  reconcile: 'Đối chiếu số liệu',
  report: 'Lập báo cáo',
};

/** What to run: `full` takes in the period's inbox then reports; `report` reconciles and reports what is staged. */
export type RunScope = 'full' | 'report';

/**
 * Starts a run of the period unless one is going; returns at once with the run's record (progress lands in it).
 * The finished promise is returned for tests and shutdown.
 */
export function startPeriodRun(ctx: DeskContext, periodId: string, by: string, scope: RunScope): { run: DeskRun; finished: Promise<void> } {
  const period = parsePeriod(periodId);
  const going = ctx.runs.get(period.id);
  if (going?.state === 'running') return { run: going, finished: Promise.resolve() };
  const run: DeskRun = { period: period.id, by, startedAt: ctx.now().toISOString(), state: 'running', current: null, stages: [], summary: null };
  ctx.runs.set(period.id, run);
  const inbox = path.join(ctx.inboxDir, period.id);
  const finished = ctx
    .exclusive(`run ${period.id}`, () =>
      runPeriod(ctx.database, {
        period,
        inbox: scope === 'full' && fs.existsSync(inbox) ? inbox : undefined,
        outDir: ctx.outDir,
        kinds: defaultKinds(period),
        // HTML too: the desk previews it.
        formats: [...new Set([...ctx.config.report.formats, 'html' as const])],
        config: ctx.configFor(period.id),
        seedsDir: ctx.seedsDir,
        archiveDir: ctx.archiveDir,
        onProgress: (event) => {
          if (event.state === 'start') run.current = STAGE_LABELS[event.stage];
          else if (event.outcome) run.stages.push(event.outcome);
        },
      }),
    )
    .then((outcome) => {
      run.state = outcome.result === 'failed' ? 'failed' : 'done';
      run.current = null;
      run.summary =
        outcome.result === 'failed'
          ? `Lượt chạy lỗi: ${outcome.stages.find((s) => s.status === 'failed')?.detail ?? ''}`
          : `Đã lập báo cáo: ${outcome.outputs.filter((o) => /\.(pdf|docx|html)$/.test(o) && !o.includes('/phan-hoi/')).length} tệp.` +
            (outcome.rejectedFiles > 0 ? ` ${outcome.rejectedFiles} tệp bị từ chối.` : '') +
            (outcome.missingAgencies.length > 0 ? ` ${outcome.missingAgencies.length} cơ quan chưa gửi.` : '');
      recordAudit(ctx.database.sqlite, {
        actor: by,
        action: scope === 'full' ? 'chạy kỳ' : 'lập báo cáo',
        period: period.id,
        detail: { result: outcome.result, outputs: outcome.outputs.length, stages: outcome.stages.map((s) => `${s.stage}:${s.status}`) },
      });
    })
    .catch((error: unknown) => {
      run.state = 'failed';
      run.current = null;
      run.summary = isPipelineError(error) ? error.message : `Lỗi không lường trước: ${(error as Error).message}`;
    });
  return { run, finished };
}
