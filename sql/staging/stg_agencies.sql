-- Staging: agencies with their validity and successor (2025 mergers), kind and parent (reporting channel). Only renames.
with source as (
  select * from agencies
),
renamed as (
  select
    code as agency,
    name as agency_name,
    short_name as agency_short_name,
    kind as agency_kind,
    parent as parent_agency,
    valid_from,
    valid_to,
    successor
  from source
)
select * from renamed
