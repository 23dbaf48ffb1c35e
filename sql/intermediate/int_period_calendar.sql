-- Intermediate: every period id the data names (targets, figures, files, task reports) with its calendar dates.
-- Ids are those of parsePeriod: 2024, 2024-H1, 2024-Q3, 2021-2025. Calendar dates, not the ND 09/2019 cut-off:
-- the cut-off only decides deadlines, which pipeline/reconcile computes from parsePeriod.
with period_ids as (
  select target_period as period from stg_targets
  union
  select value_period from stg_staged_values
  union
  select file_period from stg_received_files
  union
  select report_period from stg_task_reports
),
shaped as (
  select
    period,
    case
      when length(period) = 4 then 'year'
      when length(period) = 7 and substr(period, 6, 1) = 'H' and substr(period, 7, 1) in ('1', '2') then 'half'
      when length(period) = 7 and substr(period, 6, 1) = 'Q' and substr(period, 7, 1) in ('1', '2', '3', '4') then 'quarter'
      when length(period) = 9 and substr(period, 5, 1) = '-' then 'window'
    end as period_kind,
    substr(period, 7, 1) as part
  from period_ids
),
with_years as (
  select
    period,
    period_kind,
    part,
    cast(substr(period, 1, 4) as integer) as start_year,
    case when period_kind = 'window' then cast(substr(period, 6, 4) as integer)
         else cast(substr(period, 1, 4) as integer) end as end_year
  from shaped
  where period_kind is not null
),
dated as (
  select
    period,
    period_kind,
    start_year,
    end_year,
    substr(period, 1, 4) || case
      when period_kind = 'half' and part = '2' then '-07-01'
      when period_kind = 'quarter' and part = '2' then '-04-01'
      when period_kind = 'quarter' and part = '3' then '-07-01'
      when period_kind = 'quarter' and part = '4' then '-10-01'
      else '-01-01'
    end as start_date,
    cast(end_year as text) || case
      when period_kind = 'half' and part = '1' then '-06-30'
      when period_kind = 'quarter' and part = '1' then '-03-31'
      when period_kind = 'quarter' and part = '2' then '-06-30'
      when period_kind = 'quarter' and part = '3' then '-09-30'
      else '-12-31'
    end as end_date
  from with_years
)
select * from dated
