-- Plan registry: the documents, agencies, indicators, targets, tasks and projects of seeds/.
-- Types are chosen so PostgreSQL runs this file too (text, integer, double precision).

create table documents (
  code text primary key,
  so_ky_hieu text,
  kind text not null,
  issuer text,
  issued_on text,
  issued_year integer,
  title text not null,
  implements text,
  source_file text,
  source_ref text not null
);

create table agencies (
  code text primary key,
  name text not null,
  short_name text,
  kind text not null,
  parent text,
  valid_from text,
  valid_to text,
  successor text,
  source_ref text not null
);

-- Every way an agency is written (name, short name, aliases, code), keyed by the normalised text.
create table agency_aliases (
  alias_key text not null,
  agency_code text not null references agencies (code),
  alias text not null,
  primary key (alias_key, agency_code)
);

create table indicators (
  code text primary key,
  name text not null,
  name_key text not null,
  unit text not null,
  domain text not null,
  direction text not null,
  aggregation text not null,
  parent text,
  source_ref text not null,
  -- 'seed' from seeds/indicators.csv, 'plan-import' when `kehoach plan import` created it
  origin text not null default 'seed'
);

create table targets (
  id text primary key,
  document text not null references documents (code),
  indicator text not null references indicators (code),
  period text not null,
  expression text not null,
  op text not null,
  lo double precision,
  hi double precision,
  unit text,
  per_year integer not null default 0,
  change text,
  share_value double precision,
  share_of text,
  agency text,
  agency_text text,
  source_ref text not null,
  note text,
  origin text not null default 'seed'
);

create index targets_indicator_period on targets (indicator, period);

create table tasks (
  id text primary key,
  document text not null references documents (code),
  kind text not null,
  section text,
  title text not null,
  title_key text not null,
  lead_text text,
  coordinating_text text,
  deadline_text text,
  deadline text,
  recurring integer not null default 0,
  source_ref text not null
);

create table task_agencies (
  task_id text not null references tasks (id),
  agency_code text not null,
  role text not null,
  primary key (task_id, agency_code, role)
);

create table projects (
  id text primary key,
  document text not null references documents (code),
  project_group text,
  name text not null,
  lead text,
  lead_text text,
  funding_text text,
  timing_text text,
  start_year integer,
  end_year integer,
  after_year integer,
  source_ref text not null
);

-- Names agencies use for an indicator, taught by staff once (seeds/aliases.csv or `kehoach alias add`).
-- agency '' means the alias holds for every agency.
create table indicator_aliases (
  alias_key text not null,
  alias text not null,
  indicator text not null references indicators (code),
  agency text not null default '',
  added_on text,
  source_ref text,
  primary key (alias_key, agency)
);

-- Small key/value facts about the database itself (the hash of the seeds last loaded, ...).
create table meta (
  key text primary key,
  value text not null
);
