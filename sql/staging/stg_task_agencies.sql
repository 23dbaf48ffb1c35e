-- Staging: lead and coordinating agencies of each task. Only renames.
with source as (
  select * from task_agencies
),
renamed as (
  select
    task_id,
    agency_code as agency,
    role
  from source
)
select * from renamed
