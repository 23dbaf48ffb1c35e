-- Intermediate: orders the current figures of each indicator and period by preference: the agency that follows the
-- indicator first, then actual before estimate, then the latest received (then the latest row, for a stable order).
-- agency_rank does the same within one agency, so each agency has one best figure. Every row also carries the
-- figure chosen for its indicator and period (the first by preference) and how many agencies sent one, so the
-- views after this one never join the figures to themselves.
with ranked as (
  select
    v.*,
    row_number() over by_preference as preference_rank,
    row_number() over (
      partition by v.indicator, v.value_period, v.agency
      order by case v.value_kind when 'actual' then 0 else 1 end,
        v.received_at desc, v.submission_id desc, v.value_id desc
    ) as agency_rank,
    first_value(v.value_id) over by_preference as chosen_value_id,
    first_value(v.value) over by_preference as chosen_value,
    first_value(v.agency) over by_preference as chosen_agency,
    first_value(v.value_kind) over by_preference as chosen_kind,
    first_value(v.is_followed) over by_preference as chosen_is_followed
  from int_values_current v
  window by_preference as (
    partition by v.indicator, v.value_period
    order by v.is_followed desc, case v.value_kind when 'actual' then 0 else 1 end,
      v.received_at desc, v.submission_id desc, v.value_id desc
  )
),
counted as (
  select
    r.*,
    sum(case when r.agency_rank = 1 then 1 else 0 end) over (partition by r.indicator, r.value_period) as agencies
  from ranked r
),
explained as (
  select
    c.*,
    case
      when c.agencies = 1 then 'nguồn duy nhất'
      when c.chosen_is_followed = 1 then 'cơ quan theo dõi chỉ tiêu'
      when c.chosen_kind = 'actual' then 'số liệu thực hiện gửi sau cùng'
      else 'số liệu ước gửi sau cùng'
    end as choice_reason
  from counted c
)
select * from explained
