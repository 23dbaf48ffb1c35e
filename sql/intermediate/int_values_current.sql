-- Intermediate: figures that count: from current submissions (superseded_by is null) of accepted or partly accepted
-- files, actual or estimate (plan columns are not achievements), with the period dates and whether the sending
-- agency follows the indicator (targets.agency, or an agency that took over its work).
with figures as (
  select * from stg_staged_values
  where value_kind in ('actual', 'estimate')
),
current_submissions as (
  select s.submission_id, s.submission_period, s.received_at, f.file_id, f.file_name
  from stg_submissions s
  join stg_received_files f on f.file_id = s.file_id
  where s.is_current = 1 and f.file_status in ('accepted', 'partial')
),
followers as (
  select distinct t.indicator, a.successor as agency
  from stg_targets t
  join int_agency_successions a on a.predecessor = t.target_agency
),
joined as (
  select
    v.value_id,
    v.submission_id,
    v.agency,
    v.indicator,
    v.value_period,
    v.value_kind,
    v.value,
    v.value_text,
    v.source,
    s.received_at,
    s.file_name,
    s.submission_period,
    c.period_kind,
    c.start_date,
    c.end_date,
    c.start_year,
    c.end_year,
    case when f.agency is null then 0 else 1 end as is_followed
  from figures v
  join current_submissions s on s.submission_id = v.submission_id
  join int_period_calendar c on c.period = v.value_period
  left join followers f on f.indicator = v.indicator and f.agency = v.agency
)
select * from joined
