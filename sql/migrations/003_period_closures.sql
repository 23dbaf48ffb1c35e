-- Chốt số liệu: a closed period keeps the figures its issued report used. Files that arrive later are stored and
-- staged but held (submissions.held = 1) until the period is reopened, which is explicit and recorded.

create table period_closures (
  id integer primary key,
  period text not null,
  closed_at text not null,
  closed_by text not null,
  note text,
  reopened_at text,
  reopened_by text,
  reopen_reason text
);

create index period_closures_period on period_closures (period);

alter table submissions add column held integer not null default 0;
