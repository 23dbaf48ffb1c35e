-- Check: a rate or share (unit %) outside 0-100% cannot be right (a count typed in the % column, a slipped decimal).
-- Parameters: :period_start, :period_end (the report period's calendar dates). Failing rows are the figures.
with figures as (
  select * from int_values_current
  where start_date >= :period_start and end_date <= :period_end
),
rates as (
  select f.*, i.indicator_name, i.unit
  from figures f
  join stg_indicators i on i.indicator = f.indicator
  where i.unit = '%' and i.aggregation in ('share', 'level')
),
failing as (
  select
    indicator,
    indicator_name,
    value_period,
    agency,
    value,
    unit,
    source,
    case when value > 100 then 'tỷ lệ vượt 100%' else 'tỷ lệ âm' end as reason
  from rates
  where value > 100 or value < 0
)
select * from failing
