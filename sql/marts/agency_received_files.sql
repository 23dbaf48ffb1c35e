-- Mart: every file an agency sent, with the day it arrived in Vietnam time (UTC+7: a file sent at 23:00 in Kon Tum
-- counts for that day) and whether it was accepted. The one completeness rule (reconcile/assess-agency-completeness.ts)
-- reads it for `kehoach status` and for the report alike, leaving out files received after the as-of date.
with files as (
  select * from stg_received_files where agency is not null
),
dated as (
  select
    f.file_id,
    f.agency,
    f.file_period,
    f.file_name,
    f.file_status,
    f.received_at,
    date(f.received_at, '+7 hours') as received_on,
    case when f.file_status in ('accepted', 'partial') then 1 else 0 end as accepted,
    c.start_date,
    c.end_date
  from files f
  join int_period_calendar c on c.period = f.file_period
)
select * from dated
