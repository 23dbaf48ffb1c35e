-- Check: a figure about 1000 times (500-2000x) the same indicator's figure a year earlier, or another agency's figure
-- for the same period, smells of a unit slip (đồng / nghìn đồng / triệu đồng / tỷ đồng).
-- Parameters: :period_start, :period_end. Failing rows are the suspicious figures with what they were compared with.
with recent as materialized (
  -- The report period and the year before it, ranked once.
  select * from int_values_ranked_by_preference
  where end_date <= :period_end
    and start_date >= cast(cast(substr(:period_start, 1, 4) as integer) - 1 as text) || substr(:period_start, 5)
),
figures as (
  select
    f.*,
    -- The same period a year earlier: 2024 -> 2023, 2024-H1 -> 2023-H1 (review windows are not compared).
    case when f.period_kind in ('year', 'half', 'quarter')
      then cast(f.start_year - 1 as text) || substr(f.value_period, 5)
    end as last_year_period
  from recent f
  where f.start_date >= :period_start
),
chosen_last_year as (
  select indicator, value_period, value, agency
  from recent
  where preference_rank = 1 and start_date < :period_start
),
against_last_year as (
  select
    f.indicator, f.value_period, f.agency, f.value, f.source,
    p.value as reference_value, p.value_period as reference_period, p.agency as reference_agency,
    'cùng kỳ năm trước' as reference_kind
  from figures f
  join chosen_last_year p on p.indicator = f.indicator and p.value_period = f.last_year_period
),
against_other_agency as (
  -- Every figure carries the chosen one of its indicator and period (int_values_ranked_by_preference).
  select
    f.indicator, f.value_period, f.agency, f.value, f.source,
    f.chosen_value, f.value_period, f.chosen_agency,
    'số liệu được chọn cùng kỳ'
  from figures f
  where f.value_id <> f.chosen_value_id
),
compared as (
  select * from against_last_year
  union all
  select * from against_other_agency
),
failing as (
  select
    c.indicator,
    i.indicator_name,
    c.value_period,
    c.agency,
    c.value,
    i.unit,
    c.source,
    c.reference_value,
    c.reference_period,
    c.reference_agency,
    c.reference_kind
  from compared c
  join stg_indicators i on i.indicator = c.indicator
  where c.value <> 0 and c.reference_value <> 0
    and (abs(c.value / c.reference_value) between 500 and 2000
      or abs(c.reference_value / c.value) between 500 and 2000)
)
select * from failing
