-- Check: a figure about 1000 times (500-2000x) the same indicator's figure a year earlier, or another agency's figure
-- for the same period, smells of a unit slip (đồng / nghìn đồng / triệu đồng / tỷ đồng).
-- Parameters: :period_start, :period_end. Failing rows are the suspicious figures with what they were compared with.
with figures as (
  select * from int_values_current
  where start_date >= :period_start and end_date <= :period_end
),
chosen as (
  select * from int_values_chosen_per_indicator_period
),
against_last_year as (
  select
    f.value_id, f.indicator, f.value_period, f.agency, f.value, f.source,
    p.value as reference_value, p.value_period as reference_period, p.agency as reference_agency,
    'cùng kỳ năm trước' as reference_kind
  from figures f
  join chosen p
    on p.indicator = f.indicator
   and f.period_kind in ('year', 'half', 'quarter')
   and p.value_period = cast(f.start_year - 1 as text) || substr(f.value_period, 5)
),
against_other_agency as (
  select
    f.value_id, f.indicator, f.value_period, f.agency, f.value, f.source,
    c.value, c.value_period, c.agency,
    'số liệu được chọn cùng kỳ'
  from figures f
  join chosen c on c.indicator = f.indicator and c.value_period = f.value_period and c.value_id <> f.value_id
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
