// Reconcile stage: each task with the latest progress reported on it up to the period's end (mart task_progress).
import type BetterSqlite3 from 'better-sqlite3';
import type { Period } from '../shared/parse-period.ts';
import type { TaskProgress } from './reconciliation.ts';

interface Row {
  task_id: string;
  document: string;
  task_kind: 'nhiem_vu' | 'de_an';
  title: string;
  lead: string | null;
  deadline_text: string | null;
  deadline: string | null;
  recurring: number;
  task_report_id: number | null;
  report_end_date: string | null;
  received_at: string | null;
  task_status: TaskProgress['status'];
  progress_text: string | null;
  source: string | null;
}

/**
 * Lists every task with its latest report whose period ended by the report period's end.
 * @param overdue ids of the tasks the overdue_tasks check returned
 */
export function readTaskProgress(sqlite: BetterSqlite3.Database, period: Period, overdue: ReadonlySet<string>): TaskProgress[] {
  const rows = sqlite
    .prepare('select * from task_progress order by task_id, report_end_date desc, received_at desc, task_report_id desc')
    .all() as Row[];
  const tasks = new Map<string, TaskProgress>();
  for (const r of rows) {
    const usable = r.task_report_id !== null && r.report_end_date !== null && r.report_end_date <= period.end;
    const existing = tasks.get(r.task_id);
    if (existing && (existing.progressText !== null || existing.status !== null || !usable)) continue;
    tasks.set(r.task_id, {
      taskId: r.task_id,
      document: r.document,
      kind: r.task_kind,
      title: r.title,
      lead: r.lead,
      leadAsOf: r.lead,
      leadName: null,
      deadlineText: r.deadline_text,
      deadline: r.deadline,
      recurring: r.recurring === 1,
      status: usable ? r.task_status : null,
      progressText: usable ? r.progress_text : null,
      source: usable ? r.source : null,
      overdue: overdue.has(r.task_id),
    });
  }
  return [...tasks.values()].sort((a, b) => a.taskId.localeCompare(b.taskId, 'en', { numeric: true }));
}
