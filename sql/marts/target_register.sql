-- Mart: every target with what reconciliation needs beside it: the indicator (unit, direction, how a period's value
-- is formed), the document label, the following agency and the target period's calendar dates. The reconcile stage
-- picks the targets in scope of a report period from here.
with targets_ as (
  select * from stg_targets
),
joined as (
  select
    t.target_id,
    t.document,
    d.document_label,
    d.issued_year as document_issued_year,
    d.issued_on as document_issued_on,
    d.document_kind,
    t.indicator,
    i.indicator_name,
    i.domain,
    i.unit,
    t.target_unit,
    i.direction,
    i.aggregation,
    i.parent_indicator,
    i.frequency,
    t.target_period,
    c.period_kind,
    c.start_date,
    c.end_date,
    c.start_year,
    c.end_year,
    t.op,
    t.lo,
    t.hi,
    t.per_year,
    t.change,
    t.expression,
    t.target_agency as agency,
    a.agency_name,
    t.source_ref,
    t.origin
  from targets_ t
  join stg_indicators i on i.indicator = t.indicator
  join stg_documents d on d.document = t.document
  join int_period_calendar c on c.period = t.target_period
  left join stg_agencies a on a.agency = t.target_agency
)
select * from joined
