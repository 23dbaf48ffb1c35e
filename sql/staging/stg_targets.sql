-- Staging: the registry's targets, renamed for reconciliation. Only renames and casts.
with source as (
  select * from targets
),
renamed as (
  select
    id as target_id,
    document,
    indicator,
    period as target_period,
    expression,
    op,
    cast(lo as double precision) as lo,
    cast(hi as double precision) as hi,
    unit as target_unit,
    cast(per_year as integer) as per_year,
    change,
    agency as target_agency,
    agency_text,
    source_ref,
    note,
    origin
  from source
)
select * from renamed
