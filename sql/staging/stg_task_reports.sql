-- Staging: what agencies reported on tasks, with the cell it came from. Only renames.
with source as (
  select * from task_reports
),
renamed as (
  select
    id as task_report_id,
    submission_id,
    agency_code as agency,
    task_id,
    period as report_period,
    status as task_status,
    progress_text,
    source_file || coalesce('!' || source_sheet, '') || coalesce('!' || source_cell, '') as source
  from source
)
select * from renamed
