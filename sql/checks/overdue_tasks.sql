-- Check: tasks whose deadline has passed (before the earlier of :as_of and :period_end) with no report of them done.
-- Recurring tasks ("thường xuyên") have no deadline and are never overdue. Failing rows are the tasks, of every plan:
-- reconcile counts those of the report (in force in the period, led in the Sở's reporting channel: read-task-progress.ts).
with tasks_due as (
  select * from stg_tasks
  where recurring = 0 and deadline is not null
    and deadline < case when :as_of < :period_end then :as_of else :period_end end
),
done as (
  select distinct r.task_id
  from stg_task_reports r
  join stg_submissions s on s.submission_id = r.submission_id
  join int_period_calendar c on c.period = r.report_period
  where s.is_current = 1 and r.task_status = 'hoan_thanh' and c.end_date <= :period_end
),
failing as (
  select t.task_id, t.document, t.title, t.deadline_text, t.deadline
  from tasks_due t
  left join done d on d.task_id = t.task_id
  where d.task_id is null
)
select * from failing
