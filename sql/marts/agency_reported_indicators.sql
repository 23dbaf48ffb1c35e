-- Mart: which agency sent a current figure for which indicator and period (any kind but plan), for completeness.
with current_ as (
  select distinct agency, indicator, value_period, start_date, end_date
  from int_values_current
)
select * from current_
