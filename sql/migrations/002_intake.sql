-- Intake: every received file, the submission it makes, the values and task reports staged from it, and every
-- problem found, with its place. Nothing an agency sends is dropped: rows that are not loaded stay in `problems`.

create table received_files (
  id integer primary key,
  sha256 text not null,
  file_name text not null,
  -- path of the archived copy, relative to the archive folder: <sha256 prefix>/<sha256>.<ext>
  stored_path text not null,
  size_bytes integer not null,
  received_at text not null,
  agency_code text,
  period text not null,
  format text,
  -- accepted | partial | rejected
  status text not null,
  reason text,
  rows_read integer not null default 0,
  rows_accepted integer not null default 0
);

create index received_files_agency_period on received_files (agency_code, period);

-- One accepted or partial file of one agency for one period. A later submission of the same agency and period
-- replaces the earlier one: superseded_by points at it, and the history stays.
create table submissions (
  id integer primary key,
  file_id integer not null references received_files (id),
  agency_code text not null,
  period text not null,
  received_at text not null,
  superseded_by integer references submissions (id)
);

create index submissions_agency_period on submissions (agency_code, period);

create table staged_values (
  id integer primary key,
  submission_id integer not null references submissions (id),
  agency_code text not null,
  indicator_code text not null,
  -- the period the figure is for (a "Năm 2023" column in a 2024-H1 file gives period 2023)
  period text not null,
  -- actual | estimate | plan
  kind text not null,
  -- converted to the indicator's unit
  value double precision not null,
  value_text text not null,
  unit_text text,
  source_file text not null,
  source_sheet text,
  source_cell text,
  note text
);

create index staged_values_indicator_period on staged_values (indicator_code, period);

create table task_reports (
  id integer primary key,
  submission_id integer not null references submissions (id),
  agency_code text not null,
  task_id text not null,
  period text not null,
  -- hoan_thanh | dang_thuc_hien | chua_thuc_hien | null (not said)
  status text,
  progress_text text not null,
  source_file text not null,
  source_sheet text,
  source_cell text
);

create table problems (
  id integer primary key,
  file_id integer references received_files (id),
  submission_id integer references submissions (id),
  agency_code text,
  period text,
  code text not null,
  -- error | warning
  severity text not null,
  message text not null,
  action text,
  file_name text not null,
  sheet text,
  row_number integer,
  column_name text,
  cell text,
  value_text text,
  -- the whole row as read (JSON array of cell texts), so a rejected row is never lost
  row_data text
);

create index problems_file on problems (file_id);
