-- Mart: which agency sent a current figure for which indicator and period (any kind but plan), for completeness,
-- with the first Vietnam date such a figure arrived (a figure received after the as-of date does not count).
with current_ as (
  select agency, indicator, value_period, start_date, end_date, min(date(received_at, '+7 hours')) as received_on
  from int_values_current
  group by agency, indicator, value_period, start_date, end_date
)
select * from current_
