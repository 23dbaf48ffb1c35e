-- Staging: figures staged by intake (already converted to the indicator's unit there), with the cell they came
-- from written as file!sheet!cell. Only renames and the concatenation of the place.
with source as (
  select * from staged_values
),
renamed as (
  select
    id as value_id,
    submission_id,
    agency_code as agency,
    indicator_code as indicator,
    period as value_period,
    kind as value_kind,
    cast(value as double precision) as value,
    value_text,
    unit_text,
    source_file || coalesce('!' || source_sheet, '') || coalesce('!' || source_cell, '') as source,
    note as value_note
  from source
)
select * from renamed
