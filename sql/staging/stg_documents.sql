-- Staging: plan documents, with the label a report prints (số ký hiệu, else the code). Only renames.
with source as (
  select * from documents
),
renamed as (
  select
    code as document,
    so_ky_hieu,
    coalesce(so_ky_hieu, code) as document_label,
    kind as document_kind,
    issuer as document_issuer,
    issued_on,
    cast(issued_year as integer) as issued_year,
    title as document_title
  from source
)
select * from renamed
