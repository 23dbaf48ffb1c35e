-- Check: a target whose unit differs from its indicator's (after "/năm", which the aggregation already says) cannot
-- be compared with the indicator's figures. Failing rows are the targets; reconciliation marks them khong_danh_gia.
with targets_ as (
  select t.target_id, t.indicator, t.target_unit, i.unit
  from stg_targets t
  join stg_indicators i on i.indicator = t.indicator
  where t.target_unit is not null
),
failing as (
  select * from targets_
  where replace(target_unit, '/năm', '') <> unit
)
select * from failing
