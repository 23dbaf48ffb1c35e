-- Mart: the one figure per indicator and period (see int_values_chosen_per_indicator_period), with its dates, kind,
-- agency and cell. The series the reconcile stage forms levels, totals, growth and projections from.
with chosen as (
  select * from int_values_chosen_per_indicator_period
),
shaped as (
  select
    indicator,
    value_period,
    period_kind,
    start_date,
    end_date,
    start_year,
    end_year,
    value,
    value_kind,
    agency,
    source,
    received_at,
    submission_period,
    choice_reason,
    agencies
  from chosen
)
select * from shaped
