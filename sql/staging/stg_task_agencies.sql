-- Staging: lead and coordinating agencies of each task, in the order the document names them (position). Only renames.
with source as (
  select rowid as position, * from task_agencies
),
renamed as (
  select
    task_id,
    agency_code as agency,
    role,
    position
  from source
)
select * from renamed
