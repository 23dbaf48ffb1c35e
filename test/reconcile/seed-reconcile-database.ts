// Test helper (reconcile): an in-memory database with a small hand-made registry and figures inserted directly,
// so reconciliation tests do not depend on seeds/*.csv.
import { openDatabase, type OpenDatabase } from '../../pipeline/db/open-database.ts';
import { toMatchKey } from '../../pipeline/shared/to-match-key.ts';

/** Options of {@link addTarget}; op, lo and hi as seeds/targets.csv writes them. */
export interface TestTarget {
  id: string;
  indicator: string;
  period: string;
  expression: string;
  op: string;
  lo?: number | null;
  hi?: number | null;
  unit?: string | null;
  perYear?: boolean;
  change?: 'increase' | 'decrease' | null;
  agency?: string | null;
  document?: string;
}

/** Options of {@link addIndicator}. */
export interface TestIndicator {
  code: string;
  name?: string;
  unit: string;
  direction?: 'higher' | 'lower';
  aggregation: 'level' | 'avg_growth' | 'cumulative' | 'per_year_reduction' | 'count_added' | 'share';
  parent?: string | null;
  domain?: string;
}

/** One figure as intake would stage it. */
export interface TestValue {
  agency: string;
  indicator: string;
  period: string;
  value: number;
  kind?: 'actual' | 'estimate' | 'plan';
  /** Period of the file (submission); defaults to the figure's period. */
  filePeriod?: string;
  fileName?: string;
  sheet?: string;
  cell?: string;
  receivedAt?: string;
}

/** The test database and helpers that fill it. */
export interface ReconcileTestDatabase {
  database: OpenDatabase;
  addIndicator(i: TestIndicator): void;
  addTarget(t: TestTarget): void;
  /** Adds a figure; figures with the same agency, file period and file name share one file and one submission. */
  addValue(v: TestValue): void;
  /** Adds a file (and its submission unless rejected) without figures; returns the submission id (or null). */
  addFile(f: { agency: string; period: string; fileName: string; receivedAt: string; status?: 'accepted' | 'partial' | 'rejected' }): number | null;
  addTask(t: { id: string; title: string; deadline: string | null; deadlineText?: string; recurring?: boolean; lead?: string }): void;
  addTaskReport(r: { agency: string; taskId: string; period: string; status: 'hoan_thanh' | 'dang_thuc_hien' | 'chua_thuc_hien' | null; text: string; receivedAt?: string }): void;
  close(): Promise<void>;
}

/** Agencies of the test registry (one merged into another in 2025, as Sở KH&ĐT into Sở Tài chính). */
export const TEST_AGENCIES = [
  { code: 'cuc-thong-ke', name: 'Cục Thống kê', valid_to: null, successor: null },
  { code: 'so-tai-chinh', name: 'Sở Tài chính', valid_to: null, successor: null },
  { code: 'so-ke-hoach-va-dau-tu', name: 'Sở Kế hoạch và Đầu tư', valid_to: '2025-03-01', successor: 'so-tai-chinh' },
  { code: 'so-y-te', name: 'Sở Y tế', valid_to: null, successor: null },
  { code: 'so-nong-nghiep', name: 'Sở Nông nghiệp và Phát triển nông thôn', valid_to: null, successor: null },
  { code: 'so-lao-dong', name: 'Sở Lao động - Thương binh và Xã hội', valid_to: null, successor: null },
] as const;

/** Opens an in-memory database with the test document and agencies; indicators and targets are added by each test. */
export function createReconcileDatabase(): ReconcileTestDatabase {
  const database = openDatabase({ file: ':memory:' });
  const { sqlite } = database;
  sqlite
    .prepare(
      `insert into documents (code, so_ky_hieu, kind, issuer, issued_on, issued_year, title, source_ref)
       values ('KH-TEST', '99/KH-UBND', 'ke_hoach', null, '2020-12-10', 2020, 'Kế hoạch thử nghiệm', 'test')`,
    )
    .run();
  const insertAgency = sqlite.prepare(
    `insert into agencies (code, name, kind, valid_to, successor, source_ref) values (?, ?, 'so', ?, ?, 'test')`,
  );
  const insertAlias = sqlite.prepare('insert or ignore into agency_aliases (alias_key, agency_code, alias) values (?, ?, ?)');
  for (const a of TEST_AGENCIES) {
    insertAgency.run(a.code, a.name, a.valid_to, a.successor);
    insertAlias.run(toMatchKey(a.name), a.code, a.name);
    insertAlias.run(toMatchKey(a.code), a.code, a.code);
  }
  const files = new Map<string, { fileId: number; submissionId: number | null }>();
  const addFile: ReconcileTestDatabase['addFile'] = (f) => {
    const key = `${f.agency}|${f.period}|${f.fileName}`;
    const known = files.get(key);
    if (known) return known.submissionId;
    const status = f.status ?? 'accepted';
    const fileId = Number(
      sqlite
        .prepare(
          `insert into received_files (sha256, file_name, stored_path, size_bytes, received_at, agency_code, period, format, status)
           values (?, ?, ?, 100, ?, ?, ?, 'xlsx', ?)`,
        )
        .run(key, f.fileName, `x/${f.fileName}`, f.receivedAt, f.agency, f.period, status).lastInsertRowid,
    );
    let submissionId: number | null = null;
    if (status !== 'rejected') {
      // A later file of the same agency and period supersedes the earlier submission, as intake does.
      submissionId = Number(
        sqlite
          .prepare('insert into submissions (file_id, agency_code, period, received_at) values (?, ?, ?, ?)')
          .run(fileId, f.agency, f.period, f.receivedAt).lastInsertRowid,
      );
      sqlite
        .prepare('update submissions set superseded_by = ? where agency_code = ? and period = ? and id <> ? and superseded_by is null')
        .run(submissionId, f.agency, f.period, submissionId);
    }
    files.set(key, { fileId, submissionId });
    return submissionId;
  };
  return {
    database,
    addIndicator(i) {
      const name = i.name ?? i.code;
      sqlite
        .prepare(
          `insert into indicators (code, name, name_key, unit, domain, direction, aggregation, parent, source_ref)
           values (?, ?, ?, ?, ?, ?, ?, ?, 'test')`,
        )
        .run(i.code, name, toMatchKey(name), i.unit, i.domain ?? 'kinh_te', i.direction ?? 'higher', i.aggregation, i.parent ?? null);
    },
    addTarget(t) {
      sqlite
        .prepare(
          `insert into targets (id, document, indicator, period, expression, op, lo, hi, unit, per_year, change, agency, source_ref)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test')`,
        )
        .run(
          t.id,
          t.document ?? 'KH-TEST',
          t.indicator,
          t.period,
          t.expression,
          t.op,
          t.lo ?? null,
          t.hi ?? null,
          t.unit ?? null,
          t.perYear ? 1 : 0,
          t.change ?? null,
          t.agency ?? null,
        );
    },
    addValue(v) {
      const filePeriod = v.filePeriod ?? v.period;
      const fileName = v.fileName ?? `${v.agency}-${filePeriod}.xlsx`;
      const submissionId = addFile({ agency: v.agency, period: filePeriod, fileName, receivedAt: v.receivedAt ?? '2020-01-01T00:00:00Z' });
      sqlite
        .prepare(
          `insert into staged_values (submission_id, agency_code, indicator_code, period, kind, value, value_text, source_file, source_sheet, source_cell)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(submissionId, v.agency, v.indicator, v.period, v.kind ?? 'actual', v.value, String(v.value), fileName, v.sheet ?? 'Sheet1', v.cell ?? 'C5');
    },
    addFile,
    addTask(t) {
      sqlite
        .prepare(
          `insert into tasks (id, document, kind, title, title_key, deadline_text, deadline, recurring, source_ref)
           values (?, 'KH-TEST', 'nhiem_vu', ?, ?, ?, ?, ?, 'test')`,
        )
        .run(t.id, t.title, toMatchKey(t.title), t.deadlineText ?? null, t.deadline, t.recurring ? 1 : 0);
      if (t.lead) sqlite.prepare(`insert into task_agencies (task_id, agency_code, role) values (?, ?, 'lead')`).run(t.id, t.lead);
    },
    addTaskReport(r) {
      const fileName = `${r.agency}-${r.period}.xlsx`;
      const submissionId = addFile({ agency: r.agency, period: r.period, fileName, receivedAt: r.receivedAt ?? '2020-01-01T00:00:00Z' });
      sqlite
        .prepare(
          `insert into task_reports (submission_id, agency_code, task_id, period, status, progress_text, source_file, source_sheet, source_cell)
           values (?, ?, ?, ?, ?, ?, ?, 'Nhiệm vụ', 'D7')`,
        )
        .run(submissionId, r.agency, r.taskId, r.period, r.status, r.text, fileName);
    },
    close: () => database.close(),
  };
}
