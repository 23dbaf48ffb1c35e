-- Intermediate: each agency's best figure set beside the chosen one for the same indicator and period, with the
-- relative gap to the chosen figure in % (null when the chosen figure is 0 and the other is not: always a gap).
with best_per_agency as (
  select * from int_values_ranked_by_preference
  where agency_rank = 1 and agencies > 1
),
compared as (
  select
    indicator,
    value_period,
    start_date,
    end_date,
    agency,
    value,
    value_kind,
    source,
    case when value_id = chosen_value_id then 1 else 0 end as is_chosen,
    chosen_agency,
    chosen_value,
    choice_reason,
    case
      when value = chosen_value then 0
      when chosen_value = 0 then null
      else abs(value - chosen_value) * 100.0 / abs(chosen_value)
    end as gap_pct
  from best_per_agency
)
select * from compared
