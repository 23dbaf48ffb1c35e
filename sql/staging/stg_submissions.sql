-- Staging: submissions; a submission is current while no later one of the same agency and period replaced it and
-- it is not held (a file that arrived after the period was closed, chốt số liệu: migration 003).
with source as (
  select * from submissions
),
renamed as (
  select
    id as submission_id,
    file_id,
    agency_code as agency,
    period as submission_period,
    received_at,
    superseded_by,
    held as is_held,
    case when superseded_by is null and held = 0 then 1 else 0 end as is_current
  from source
)
select * from renamed
