-- Staging: every file an agency sent (intake stage). Only renames.
with source as (
  select * from received_files
),
renamed as (
  select
    id as file_id,
    file_name,
    received_at,
    agency_code as agency,
    period as file_period,
    status as file_status,
    reason as file_reason
  from source
)
select * from renamed
