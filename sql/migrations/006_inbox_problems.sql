-- Intake: what was in an inbox but not read as a submission (a symbolic link, a dot-name, a FIFO, an unreadable file,
-- a lock file) and register lines that could not be read. Nothing an agency sent disappears without a word: these
-- rows reach summary.json (`inbox[]`) and the feedback workbooks. One row per period and entry; a later run of the
-- same inbox replaces the row rather than adding another.
create table inbox_problems (
  id integer primary key,
  period text not null,
  -- inbox-relative path as shown (control characters escaped), or "_received.csv" for a register line
  source_path text not null,
  -- the register line number, 0 for an entry
  line integer not null default 0,
  agency_code text,
  -- skipped-entry | register-error
  code text not null,
  severity text not null,
  message text not null,
  action text,
  recorded_at text not null,
  unique (period, source_path, line, code)
);
