-- Staging: tasks (nhiệm vụ) and schemes (đề án) of the plan documents. Only renames and casts.
with source as (
  select * from tasks
),
renamed as (
  select
    id as task_id,
    document,
    kind as task_kind,
    section,
    title,
    lead_text,
    deadline_text,
    deadline,
    cast(recurring as integer) as recurring
  from source
)
select * from renamed
