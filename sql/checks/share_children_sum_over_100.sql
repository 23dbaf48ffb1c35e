-- Check: the parts of a whole (sub-indicators of a `share` indicator, e.g. the sectors of the economic structure)
-- must not add up to more than 100% (0.5 point allowed for rounding). They may add up to less: GRDP also holds
-- product taxes less subsidies. Parameters: :period_start, :period_end. Failing rows are the parent and period.
with parts as (
  select v.indicator, v.value_period, v.value, v.start_date, v.end_date, i.parent_indicator
  from int_values_chosen_per_indicator_period v
  join stg_indicators i on i.indicator = v.indicator
  join stg_indicators p on p.indicator = i.parent_indicator
  where i.aggregation = 'share' and p.aggregation = 'share' and i.unit = '%'
    and v.start_date >= :period_start and v.end_date <= :period_end
),
summed as (
  select parent_indicator, value_period, count(*) as parts, sum(value) as total
  from parts
  group by parent_indicator, value_period
),
failing as (
  select s.parent_indicator as indicator, p.indicator_name, s.value_period, s.parts, s.total
  from summed s
  join stg_indicators p on p.indicator = s.parent_indicator
  where s.total > 100.5
)
select * from failing
