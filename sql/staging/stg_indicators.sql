-- Staging: indicators, renamed. Only renames.
with source as (
  select * from indicators
),
renamed as (
  select
    code as indicator,
    name as indicator_name,
    unit,
    domain,
    direction,
    aggregation,
    parent as parent_indicator,
    frequency
  from source
)
select * from renamed
