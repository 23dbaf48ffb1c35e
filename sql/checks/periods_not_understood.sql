-- Check: a figure or a target whose period id is none of 2024, 2024-H1, 2024-Q3, 2021-2025 has no dates, so
-- reconciliation would skip it without a word. Failing rows say what and where.
with figures as (
  select 'số liệu' as what, v.indicator, v.value_period as period, v.source as place
  from stg_staged_values v
  left join int_period_calendar c on c.period = v.value_period
  where c.period is null
),
targets_ as (
  select 'chỉ tiêu kế hoạch', t.indicator, t.target_period, t.target_id
  from stg_targets t
  left join int_period_calendar c on c.period = t.target_period
  where c.period is null
),
failing as (
  select * from figures
  union all
  select * from targets_
)
select * from failing
