-- Mart: per agency and file period, how many files came, how many were rejected, and when the first and last came.
-- The reconcile stage sets this against the period's deadline for agency completeness and timeliness.
with files as (
  select * from stg_received_files where agency is not null
),
summarised as (
  select
    agency,
    file_period,
    count(*) as files,
    sum(case when file_status = 'rejected' then 1 else 0 end) as rejected_files,
    min(received_at) as first_received_at,
    max(received_at) as last_received_at,
    min(case when file_status in ('accepted', 'partial') then received_at end) as first_accepted_at
  from files
  group by agency, file_period
),
dated as (
  select s.*, c.start_date, c.end_date
  from summarised s
  join int_period_calendar c on c.period = s.file_period
)
select * from dated
