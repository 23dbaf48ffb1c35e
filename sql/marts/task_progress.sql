-- Mart: every task with its lead agency and each progress report made on it (one row per report; a task with no
-- report has one row with null report columns). The reconcile stage keeps the latest report whose period ends inside
-- the report period, and the latest earlier one apart (read-task-progress.ts, review R2 A5).
with leads as (
  select task_id, min(agency) as lead_agency
  from stg_task_agencies
  where role = 'lead'
  group by task_id
),
reports as (
  select r.*, c.start_date as report_start_date, c.end_date as report_end_date, s.received_at
  from stg_task_reports r
  join int_period_calendar c on c.period = r.report_period
  join stg_submissions s on s.submission_id = r.submission_id
  where s.is_current = 1
),
joined as (
  select
    t.task_id,
    t.document,
    t.task_kind,
    t.title,
    coalesce(l.lead_agency, t.lead_text) as lead,
    t.deadline_text,
    t.deadline,
    t.recurring,
    r.task_report_id,
    r.report_period,
    r.report_start_date,
    r.report_end_date,
    r.received_at,
    r.task_status,
    r.progress_text,
    r.source
  from stg_tasks t
  left join leads l on l.task_id = t.task_id
  left join reports r on r.task_id = t.task_id
)
select * from joined
