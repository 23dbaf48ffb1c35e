// Registry stage: reads the reviewed CSVs of seeds/, checks them, and loads them into the database in one
// transaction. Idempotent: seed rows are replaced, rows added by `plan import` or `alias add` are kept.
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { readCsvFile, type CsvRecord } from '../shared/read-csv-file.ts';
import { PipelineError } from '../shared/pipeline-error.ts';
import { toMatchKey } from '../shared/to-match-key.ts';
import { PROJECT_PATHS } from '../shared/project-paths.ts';
import { loadThesaurus } from './load-thesaurus.ts';
import { findTargetPhrase } from './find-target-phrase.ts';
import { findImplementationClause } from './find-implementation-clause.ts';
import { parseTargetExpression, TargetExpressionError, type ParsedTarget } from './parse-target-expression.ts';

/** Allowed values of the enumerated seed columns (seeds/README.md). */
export const SEED_ENUMS = {
  documentKind: ['nghi_quyet', 'ke_hoach', 'chuong_trinh', 'quyet_dinh'],
  agencyKind: ['tinh_uy', 'hdnd', 'ubnd_tinh', 'so', 'ban', 'nganh', 'tu_phap', 'doan_the', 'huyen', 'trung_uong', 'doanh_nghiep', 'nhom'],
  domain: ['kinh_te', 'xa_hoi', 'moi_truong', 'quoc_phong_an_ninh', 'xay_dung_dang'],
  direction: ['higher', 'lower'],
  aggregation: ['level', 'avg_growth', 'cumulative', 'per_year_reduction', 'count_added', 'share'],
  op: ['gt', 'gte', 'lt', 'lte', 'eq', 'approx', 'range', 'approx_range'],
  taskKind: ['nhiem_vu', 'de_an'],
  /** indicators.frequency: `year` for a measure that exists for whole years only; blank for any period. */
  frequency: ['year'],
} as const;

/** How many rows of each table a seed run loaded. */
export interface SeedResult {
  documents: number;
  agencies: number;
  indicators: number;
  targets: number;
  tasks: number;
  projects: number;
  aliases: number;
}

/** One thing wrong in a seed file, with its place. */
export interface SeedIssue {
  file: string;
  line: number;
  column: string;
  message: string;
}

const PERIOD_RE = /^\d{4}(-(H[12]|Q[1-4]|\d{4}))?$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

function splitCodes(text: string): string[] {
  return text
    .split('|')
    .map((s) => s.trim())
    .filter(Boolean);
}

function num(text: string): number | null {
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : Number.NaN;
}

/** Reads and checks every seed CSV; returns the records or throws one PipelineError listing every issue. */
function readSeeds(dir: string) {
  const issues: SeedIssue[] = [];
  const file = (name: string) => path.join(dir, name);
  const read = (name: string, cols: readonly string[], optional = false): CsvRecord[] =>
    optional && !fs.existsSync(file(name)) ? [] : readCsvFile(file(name), cols);
  const issue = (name: string, rec: CsvRecord, column: string, message: string) =>
    issues.push({ file: `seeds/${name}`, line: rec.line, column, message });
  const requireEnum = (name: string, rec: CsvRecord, column: string, allowed: readonly string[], blankOk = false) => {
    const v = rec.fields[column] ?? '';
    if (v === '' && blankOk) return;
    if (!allowed.includes(v)) issue(name, rec, column, `giá trị "${v}" không thuộc ${allowed.join(', ')}`);
  };
  const requireText = (name: string, rec: CsvRecord, column: string) => {
    if (!rec.fields[column]) issue(name, rec, column, 'bỏ trống');
  };
  const uniqueIds = (name: string, recs: CsvRecord[], column: string) => {
    const seen = new Map<string, number>();
    for (const r of recs) {
      const id = r.fields[column] ?? '';
      if (seen.has(id)) issue(name, r, column, `trùng mã "${id}" với dòng ${seen.get(id)}`);
      seen.set(id, r.line);
    }
  };

  const documents = read('documents.csv', ['code', 'so_ky_hieu', 'kind', 'issuer', 'issued_on', 'issued_year', 'title', 'source_ref']);
  const agencies = read('agencies.csv', ['code', 'name', 'short_name', 'kind', 'parent', 'valid_from', 'valid_to', 'successor', 'aliases', 'source_ref']);
  const indicators = read('indicators.csv', ['code', 'name', 'unit', 'domain', 'direction', 'aggregation', 'parent', 'source_ref']);
  const targets = read('targets.csv', ['id', 'document', 'indicator', 'period', 'expression', 'parse_as', 'op', 'lo', 'hi', 'unit', 'agency', 'agency_text', 'source_ref', 'note']);
  const tasks = read('tasks.csv', ['id', 'document', 'kind', 'section', 'title', 'lead', 'lead_text', 'coordinating', 'coordinating_text', 'deadline_text', 'deadline', 'recurring', 'source_ref'], true);
  const projects = read('projects.csv', ['id', 'document', 'group', 'name', 'lead', 'lead_text', 'funding_text', 'timing_text', 'start_year', 'end_year', 'after_year', 'source_ref'], true);
  const aliases = read('aliases.csv', ['alias', 'indicator', 'agency', 'added_on', 'source_ref'], true);

  const agencyCodes = new Set(agencies.map((r) => r.fields.code));
  const agencyKinds = new Map(agencies.map((r) => [r.fields.code ?? '', r.fields.kind ?? '']));
  const documentCodes = new Set(documents.map((r) => r.fields.code));
  const indicatorCodes = new Set(indicators.map((r) => r.fields.code));
  const checkAgency = (name: string, rec: CsvRecord, column: string) => {
    for (const code of splitCodes(rec.fields[column] ?? '')) {
      if (!agencyCodes.has(code)) issue(name, rec, column, `mã cơ quan "${code}" không có trong agencies.csv`);
    }
  };
  const checkDate = (name: string, rec: CsvRecord, column: string) => {
    const v = rec.fields[column] ?? '';
    if (v !== '' && !DATE_RE.test(v)) issue(name, rec, column, `ngày "${v}" không theo dạng YYYY-MM-DD`);
  };

  for (const [name, recs, col] of [
    ['documents.csv', documents, 'code'],
    ['agencies.csv', agencies, 'code'],
    ['indicators.csv', indicators, 'code'],
    ['targets.csv', targets, 'id'],
    ['tasks.csv', tasks, 'id'],
    ['projects.csv', projects, 'id'],
  ] as const) {
    uniqueIds(name, recs, col);
    for (const r of recs) {
      requireText(name, r, col);
      requireText(name, r, 'source_ref');
    }
  }
  for (const r of documents) {
    requireEnum('documents.csv', r, 'kind', SEED_ENUMS.documentKind);
    requireText('documents.csv', r, 'title');
    checkAgency('documents.csv', r, 'issuer');
    checkDate('documents.csv', r, 'issued_on');
  }
  for (const r of agencies) {
    requireText('agencies.csv', r, 'name');
    requireEnum('agencies.csv', r, 'kind', SEED_ENUMS.agencyKind);
    checkAgency('agencies.csv', r, 'parent');
    checkAgency('agencies.csv', r, 'successor');
    checkDate('agencies.csv', r, 'valid_from');
    checkDate('agencies.csv', r, 'valid_to');
  }
  for (const r of indicators) {
    requireText('indicators.csv', r, 'name');
    requireText('indicators.csv', r, 'unit');
    requireEnum('indicators.csv', r, 'domain', SEED_ENUMS.domain);
    requireEnum('indicators.csv', r, 'direction', SEED_ENUMS.direction);
    requireEnum('indicators.csv', r, 'aggregation', SEED_ENUMS.aggregation);
    requireEnum('indicators.csv', r, 'frequency', SEED_ENUMS.frequency, true);
    const parent = r.fields.parent ?? '';
    if (parent && !indicatorCodes.has(parent)) issue('indicators.csv', r, 'parent', `chỉ tiêu cha "${parent}" không có`);
  }
  const parsedTargets = new Map<string, ParsedTarget>();
  for (const r of targets) {
    const f = r.fields;
    if (!documentCodes.has(f.document ?? '')) issue('targets.csv', r, 'document', `văn bản "${f.document}" không có trong documents.csv`);
    if (!indicatorCodes.has(f.indicator ?? '')) issue('targets.csv', r, 'indicator', `chỉ tiêu "${f.indicator}" không có trong indicators.csv`);
    if (!PERIOD_RE.test(f.period ?? '')) issue('targets.csv', r, 'period', `kỳ "${f.period}" không hợp lệ (2025, 2021-2025, 2022-H2)`);
    requireEnum('targets.csv', r, 'op', SEED_ENUMS.op);
    checkAgency('targets.csv', r, 'agency');
    const lo = num(f.lo ?? '');
    const hi = num(f.hi ?? '');
    if (Number.isNaN(lo)) issue('targets.csv', r, 'lo', `"${f.lo}" không phải số (dùng dấu chấm thập phân)`);
    if (Number.isNaN(hi)) issue('targets.csv', r, 'hi', `"${f.hi}" không phải số (dùng dấu chấm thập phân)`);
    // The reviewed reading must agree with the parser: a disagreement is either a transcription slip or a parser
    // gap, and both must be looked at by a person before the target is used.
    // parse_as: the reviewer's plain rewording of a verbatim expression the parser rightly refuses to guess
    // ("giải ngân hết kế hoạch vốn" -> "100%"); the verbatim text stays in `expression`, the note says why.
    const readable = f.parse_as || f.expression || '';
    if (f.parse_as && !f.note) issue('targets.csv', r, 'note', 'có parse_as thì phải ghi lý do ở cột note');
    try {
      const parsed = parseTargetExpression(readable, { unit: f.unit || undefined });
      parsedTargets.set(f.id ?? '', parsed);
      if (parsed.op !== f.op || parsed.lo !== lo || parsed.hi !== hi) {
        issue(
          'targets.csv',
          r,
          'expression',
          `đọc "${readable}" ra ${parsed.op} [${parsed.lo ?? ''}, ${parsed.hi ?? ''}] nhưng dòng ghi ${f.op} [${f.lo}, ${f.hi}]`,
        );
      }
    } catch (error) {
      if (!(error instanceof TargetExpressionError)) throw error;
      issue('targets.csv', r, 'expression', error.message);
    }
  }
  for (const r of tasks) {
    if (!documentCodes.has(r.fields.document ?? '')) issue('tasks.csv', r, 'document', `văn bản "${r.fields.document}" không có`);
    requireEnum('tasks.csv', r, 'kind', SEED_ENUMS.taskKind);
    requireText('tasks.csv', r, 'title');
    checkAgency('tasks.csv', r, 'lead');
    checkAgency('tasks.csv', r, 'coordinating');
    checkDate('tasks.csv', r, 'deadline');
    requireEnum('tasks.csv', r, 'recurring', ['true', 'false']);
    // Issue 9: a task is the province's own work, never a target in other words, never a ministry's job.
    const targetPhrase = findTargetPhrase(r.fields.title ?? '');
    if (targetPhrase) issue('tasks.csv', r, 'title', `câu "${targetPhrase}" là chỉ tiêu định lượng, không phải nhiệm vụ: ghi vào targets.csv`);
    const clause = findImplementationClause(r.fields.title ?? '');
    if (clause) issue('tasks.csv', r, 'title', `điều khoản tổ chức thực hiện (${clause}), không phải nhiệm vụ: không ghi vào tasks.csv`);
    const leads = splitCodes(r.fields.lead ?? '');
    if (leads.length > 0 && leads.every((code) => agencyKinds.get(code) === 'trung_uong')) {
      issue('tasks.csv', r, 'lead', 'nhiệm vụ do bộ, ngành trung ương chủ trì, không phải nhiệm vụ của tỉnh');
    }
  }
  for (const r of projects) {
    if (!documentCodes.has(r.fields.document ?? '')) issue('projects.csv', r, 'document', `văn bản "${r.fields.document}" không có`);
    checkAgency('projects.csv', r, 'lead');
  }
  for (const r of aliases) {
    if (!indicatorCodes.has(r.fields.indicator ?? '')) issue('aliases.csv', r, 'indicator', `chỉ tiêu "${r.fields.indicator}" không có`);
    checkAgency('aliases.csv', r, 'agency');
  }

  if (issues.length > 0) {
    const shown = issues.slice(0, 40).map((i) => `  ${i.file}, dòng ${i.line}, cột ${i.column}: ${i.message}`);
    const more = issues.length > 40 ? `\n  ... và ${issues.length - 40} lỗi khác` : '';
    throw Object.assign(
      new PipelineError('seed', `Dữ liệu gốc trong seeds/ có ${issues.length} lỗi, chưa nạp gì:\n${shown.join('\n')}${more}`),
      { issues },
    );
  }
  return { documents, agencies, indicators, targets, parsedTargets, tasks, projects, aliases };
}

/**
 * Loads seeds/ into the database, replacing what an earlier seed loaded, in one transaction.
 * @param dir the seeds folder @default seeds/
 */
export function loadSeeds(sqlite: BetterSqlite3.Database, dir: string = PROJECT_PATHS.seeds): SeedResult {
  const s = readSeeds(dir);
  // The thesaurus is read from seeds/ where names are matched; a seed run refuses a broken one all the same.
  const thesaurusFile = path.join(dir, 'thesaurus.csv');
  if (fs.existsSync(thesaurusFile)) loadThesaurus(thesaurusFile);
  const nul = (v: string | undefined) => (v === undefined || v === '' ? null : v);
  const int = (v: string | undefined) => (v ? Number(v) : null);

  const load = sqlite.transaction(() => {
    // Children first; plan-import targets and taught aliases survive a re-seed.
    sqlite.exec(`
      delete from task_agencies;
      delete from tasks;
      delete from projects;
      delete from targets where origin = 'seed';
      delete from indicator_aliases where source_ref like 'seeds/%';
      delete from agency_aliases;
    `);
    const upsertDocument = sqlite.prepare(`insert into documents (code, so_ky_hieu, kind, issuer, issued_on, issued_year, title, implements, source_file, source_ref)
      values (@code, @so_ky_hieu, @kind, @issuer, @issued_on, @issued_year, @title, @implements, @source_file, @source_ref)
      on conflict (code) do update set so_ky_hieu = excluded.so_ky_hieu, kind = excluded.kind, issuer = excluded.issuer,
        issued_on = excluded.issued_on, issued_year = excluded.issued_year, title = excluded.title,
        implements = excluded.implements, source_file = excluded.source_file, source_ref = excluded.source_ref`);
    for (const { fields: f } of s.documents) {
      upsertDocument.run({
        code: f.code,
        so_ky_hieu: nul(f.so_ky_hieu),
        kind: f.kind,
        issuer: nul(f.issuer),
        issued_on: nul(f.issued_on),
        issued_year: int(f.issued_year),
        title: f.title,
        implements: nul(f.implements),
        source_file: nul(f.source_file),
        source_ref: f.source_ref,
      });
    }
    const upsertAgency = sqlite.prepare(`insert into agencies (code, name, short_name, kind, parent, valid_from, valid_to, successor, source_ref)
      values (@code, @name, @short_name, @kind, @parent, @valid_from, @valid_to, @successor, @source_ref)
      on conflict (code) do update set name = excluded.name, short_name = excluded.short_name, kind = excluded.kind,
        parent = excluded.parent, valid_from = excluded.valid_from, valid_to = excluded.valid_to,
        successor = excluded.successor, source_ref = excluded.source_ref`);
    const insertAgencyAlias = sqlite.prepare('insert or ignore into agency_aliases (alias_key, agency_code, alias) values (?, ?, ?)');
    for (const { fields: f } of s.agencies) {
      upsertAgency.run({
        code: f.code,
        name: f.name,
        short_name: nul(f.short_name),
        kind: f.kind,
        parent: nul(f.parent),
        valid_from: nul(f.valid_from),
        valid_to: nul(f.valid_to),
        successor: nul(f.successor),
        source_ref: f.source_ref,
      });
      const names = [f.code ?? '', f.name ?? '', f.short_name ?? '', ...splitCodes(f.aliases ?? '')].filter(Boolean);
      for (const n of names) insertAgencyAlias.run(toMatchKey(n), f.code, n);
    }
    const upsertIndicator = sqlite.prepare(`insert into indicators (code, name, name_key, unit, domain, direction, aggregation, parent, frequency, source_ref, origin)
      values (@code, @name, @name_key, @unit, @domain, @direction, @aggregation, @parent, @frequency, @source_ref, 'seed')
      on conflict (code) do update set name = excluded.name, name_key = excluded.name_key, unit = excluded.unit,
        domain = excluded.domain, direction = excluded.direction, aggregation = excluded.aggregation,
        parent = excluded.parent, frequency = excluded.frequency, source_ref = excluded.source_ref, origin = 'seed'`);
    for (const { fields: f } of s.indicators) {
      upsertIndicator.run({
        code: f.code,
        name: f.name,
        name_key: toMatchKey(f.name ?? ''),
        unit: f.unit,
        domain: f.domain,
        direction: f.direction,
        aggregation: f.aggregation,
        parent: nul(f.parent),
        frequency: nul(f.frequency),
        source_ref: f.source_ref,
      });
    }
    const insertTarget = sqlite.prepare(`insert into targets (id, document, indicator, period, expression, op, lo, hi, unit, per_year, change,
        share_value, share_of, agency, agency_text, source_ref, note, origin)
      values (@id, @document, @indicator, @period, @expression, @op, @lo, @hi, @unit, @per_year, @change,
        @share_value, @share_of, @agency, @agency_text, @source_ref, @note, 'seed')`);
    for (const { fields: f } of s.targets) {
      const p = s.parsedTargets.get(f.id ?? '')!;
      insertTarget.run({
        id: f.id,
        document: f.document,
        indicator: f.indicator,
        period: f.period,
        expression: f.expression,
        op: p.op,
        lo: p.lo,
        hi: p.hi,
        unit: nul(f.unit) ?? p.unit,
        per_year: p.perYear ? 1 : 0,
        change: p.change,
        share_value: p.share?.value ?? null,
        share_of: p.share?.of ?? null,
        agency: nul(f.agency),
        agency_text: nul(f.agency_text),
        source_ref: f.source_ref,
        note: nul(f.note),
      });
    }
    const insertTask = sqlite.prepare(`insert into tasks (id, document, kind, section, title, title_key, lead_text, coordinating_text,
        deadline_text, deadline, recurring, source_ref)
      values (@id, @document, @kind, @section, @title, @title_key, @lead_text, @coordinating_text, @deadline_text, @deadline, @recurring, @source_ref)`);
    const insertTaskAgency = sqlite.prepare('insert or ignore into task_agencies (task_id, agency_code, role) values (?, ?, ?)');
    for (const { fields: f } of s.tasks) {
      insertTask.run({
        id: f.id,
        document: f.document,
        kind: f.kind,
        section: nul(f.section),
        title: f.title,
        title_key: toMatchKey(f.title ?? ''),
        lead_text: nul(f.lead_text),
        coordinating_text: nul(f.coordinating_text),
        deadline_text: nul(f.deadline_text),
        deadline: nul(f.deadline),
        recurring: f.recurring === 'true' ? 1 : 0,
        source_ref: f.source_ref,
      });
      for (const code of splitCodes(f.lead ?? '')) insertTaskAgency.run(f.id, code, 'lead');
      for (const code of splitCodes(f.coordinating ?? '')) insertTaskAgency.run(f.id, code, 'coordinating');
    }
    const insertProject = sqlite.prepare(`insert into projects (id, document, project_group, name, lead, lead_text, funding_text, timing_text,
        start_year, end_year, after_year, source_ref)
      values (@id, @document, @project_group, @name, @lead, @lead_text, @funding_text, @timing_text, @start_year, @end_year, @after_year, @source_ref)`);
    for (const { fields: f } of s.projects) {
      insertProject.run({
        id: f.id,
        document: f.document,
        project_group: nul(f.group),
        name: f.name,
        lead: nul(f.lead),
        lead_text: nul(f.lead_text),
        funding_text: nul(f.funding_text),
        timing_text: nul(f.timing_text),
        start_year: int(f.start_year),
        end_year: int(f.end_year),
        after_year: int(f.after_year),
        source_ref: f.source_ref,
      });
    }
    const upsertAlias = sqlite.prepare(`insert into indicator_aliases (alias_key, alias, indicator, agency, added_on, source_ref)
      values (?, ?, ?, ?, ?, ?) on conflict (alias_key, agency) do update set indicator = excluded.indicator, alias = excluded.alias`);
    for (const { line, fields: f } of s.aliases) {
      upsertAlias.run(toMatchKey(f.alias ?? ''), f.alias, f.indicator, f.agency ?? '', nul(f.added_on), `seeds/aliases.csv:${line}`);
    }
  });
  load.immediate();
  return {
    documents: s.documents.length,
    agencies: s.agencies.length,
    indicators: s.indicators.length,
    targets: s.targets.length,
    tasks: s.tasks.length,
    projects: s.projects.length,
    aliases: s.aliases.length,
  };
}
