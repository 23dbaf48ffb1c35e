-- Intake: where a received file came from and how it was read. Added after 002 so databases that already applied
-- 002 gain the columns too; every column of 002 keeps its name and meaning.

-- path inside the inbox as received ("so-tai-chinh/bao-cao 6 thang.xlsx"), or the path given on the command line
alter table received_files add column source_path text;
-- how the agency was known: form (identity embedded in the department's form), folder, option (--agency)
alter table received_files add column agency_source text;
-- text encoding of a CSV (utf-8, utf-16le, windows-1258); null for workbooks
alter table received_files add column encoding text;
-- when this copy of the file was last read (received_at is when it arrived)
alter table received_files add column processed_at text;

create index received_files_sha256 on received_files (sha256);
create index staged_values_submission on staged_values (submission_id);
create index problems_agency_period on problems (agency_code, period);
