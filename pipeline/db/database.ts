// Database: the typed tables of sql/migrations, as Kysely sees them. Keep in step with the migrations.
import type { Generated } from 'kysely';

export interface DocumentTable {
  code: string;
  so_ky_hieu: string | null;
  kind: string;
  issuer: string | null;
  issued_on: string | null;
  issued_year: number | null;
  title: string;
  implements: string | null;
  source_file: string | null;
  source_ref: string;
}

export interface AgencyTable {
  code: string;
  name: string;
  short_name: string | null;
  kind: string;
  parent: string | null;
  valid_from: string | null;
  valid_to: string | null;
  successor: string | null;
  source_ref: string;
}

export interface AgencyAliasTable {
  alias_key: string;
  agency_code: string;
  alias: string;
}

export interface IndicatorTable {
  code: string;
  name: string;
  name_key: string;
  unit: string;
  domain: string;
  direction: string;
  aggregation: string;
  parent: string | null;
  source_ref: string;
  origin: Generated<string>;
}

export interface TargetTable {
  id: string;
  document: string;
  indicator: string;
  period: string;
  expression: string;
  op: string;
  lo: number | null;
  hi: number | null;
  unit: string | null;
  per_year: Generated<number>;
  change: string | null;
  share_value: number | null;
  share_of: string | null;
  agency: string | null;
  agency_text: string | null;
  source_ref: string;
  note: string | null;
  origin: Generated<string>;
}

export interface TaskTable {
  id: string;
  document: string;
  kind: string;
  section: string | null;
  title: string;
  title_key: string;
  lead_text: string | null;
  coordinating_text: string | null;
  deadline_text: string | null;
  deadline: string | null;
  recurring: Generated<number>;
  source_ref: string;
}

export interface TaskAgencyTable {
  task_id: string;
  agency_code: string;
  role: string;
}

export interface ProjectTable {
  id: string;
  document: string;
  project_group: string | null;
  name: string;
  lead: string | null;
  lead_text: string | null;
  funding_text: string | null;
  timing_text: string | null;
  start_year: number | null;
  end_year: number | null;
  after_year: number | null;
  source_ref: string;
}

export interface IndicatorAliasTable {
  alias_key: string;
  alias: string;
  indicator: string;
  agency: Generated<string>;
  added_on: string | null;
  source_ref: string | null;
}

export interface ReceivedFileTable {
  id: Generated<number>;
  sha256: string;
  file_name: string;
  stored_path: string;
  size_bytes: number;
  received_at: string;
  agency_code: string | null;
  period: string;
  format: string | null;
  status: 'accepted' | 'partial' | 'rejected';
  reason: string | null;
  rows_read: Generated<number>;
  rows_accepted: Generated<number>;
  /** Path inside the inbox as received, or as given on the command line (002a). */
  source_path: string | null;
  /** How the agency was known: form, folder or option (002a). */
  agency_source: 'form' | 'folder' | 'option' | null;
  /** Text encoding of a CSV; null for workbooks (002a). */
  encoding: string | null;
  /** When this copy was last read (002a). */
  processed_at: string | null;
}

export interface SubmissionTable {
  id: Generated<number>;
  file_id: number;
  agency_code: string;
  period: string;
  received_at: string;
  superseded_by: number | null;
  /** 1 while the submission arrived after its period was closed (chốt số liệu) and the period is not reopened. */
  held: Generated<number>;
}

export interface StagedValueTable {
  id: Generated<number>;
  submission_id: number;
  agency_code: string;
  indicator_code: string;
  period: string;
  kind: 'actual' | 'estimate' | 'plan';
  value: number;
  value_text: string;
  unit_text: string | null;
  source_file: string;
  source_sheet: string | null;
  source_cell: string | null;
  note: string | null;
  /** The row this figure was carried from, when an earlier file held it and the later one did not (005). */
  carried_from: Generated<number | null>;
}

export interface TaskReportTable {
  id: Generated<number>;
  submission_id: number;
  agency_code: string;
  task_id: string;
  period: string;
  status: 'hoan_thanh' | 'dang_thuc_hien' | 'chua_thuc_hien' | null;
  progress_text: string;
  source_file: string;
  source_sheet: string | null;
  source_cell: string | null;
}

export interface ProblemTable {
  id: Generated<number>;
  file_id: number | null;
  submission_id: number | null;
  agency_code: string | null;
  period: string | null;
  code: string;
  severity: 'error' | 'warning';
  message: string;
  action: string | null;
  file_name: string;
  sheet: string | null;
  row_number: number | null;
  column_name: string | null;
  cell: string | null;
  value_text: string | null;
  row_data: string | null;
}

export interface PeriodClosureTable {
  id: Generated<number>;
  period: string;
  closed_at: string;
  closed_by: string;
  note: string | null;
  reopened_at: string | null;
  reopened_by: string | null;
  reopen_reason: string | null;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface MigrationTable {
  name: string;
  applied_at: string;
}

/** Every table and view the pipeline reads or writes. Views of sql/marts are added by the stages that read them. */
export interface Database {
  documents: DocumentTable;
  agencies: AgencyTable;
  agency_aliases: AgencyAliasTable;
  indicators: IndicatorTable;
  targets: TargetTable;
  tasks: TaskTable;
  task_agencies: TaskAgencyTable;
  projects: ProjectTable;
  indicator_aliases: IndicatorAliasTable;
  received_files: ReceivedFileTable;
  submissions: SubmissionTable;
  staged_values: StagedValueTable;
  task_reports: TaskReportTable;
  problems: ProblemTable;
  schema_migrations: MigrationTable;
  meta: MetaTable;
  period_closures: PeriodClosureTable;
}
