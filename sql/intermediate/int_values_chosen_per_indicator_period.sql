-- Intermediate: the one figure used for each indicator and period, and why it was chosen (Vietnamese, for reports).
with chosen as (
  select * from int_values_ranked_by_preference
  where preference_rank = 1
)
select * from chosen
