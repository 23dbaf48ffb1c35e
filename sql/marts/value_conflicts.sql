-- Mart: figures of different agencies for the same indicator and period, each beside the chosen one, with the gap in %.
-- The reconcile stage keeps those whose gap exceeds the rounding tolerance (evaluation.conflictTolerancePct).
with compared as (
  select * from int_value_disagreements
),
described as (
  select
    c.indicator,
    i.indicator_name,
    i.unit,
    c.value_period,
    c.start_date,
    c.end_date,
    c.agency,
    c.value,
    c.value_kind,
    c.source,
    c.is_chosen,
    c.chosen_agency,
    c.chosen_value,
    c.choice_reason,
    c.gap_pct
  from compared c
  join stg_indicators i on i.indicator = c.indicator
)
select * from described
