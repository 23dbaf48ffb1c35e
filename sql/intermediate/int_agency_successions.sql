-- Intermediate: which agency carries on the work of which (itself included), following successor links through the
-- 2025 mergers (Sở KH&ĐT -> Sở Tài chính, districts -> ...). A figure sent by the successor counts as the followed one.
with recursive chain (predecessor, successor, depth) as (
  select agency, agency, 0 from stg_agencies
  union all
  select chain.predecessor, a.successor, chain.depth + 1
  from chain
  join stg_agencies a on a.agency = chain.successor
  where a.successor is not null and chain.depth < 10
),
pairs as (
  select distinct predecessor, successor from chain
)
select * from pairs
