// Intake stage: the body of the ingest loop. One received file, already parsed (or refused), is given its agency
// (form identity, folder or --agency), read against the registry, archived and stored in one transaction.
import type { ProblemCode } from '../shared/data-problem.ts';
import type { Period } from '../shared/parse-period.ts';
import { archiveReceivedFile } from './collect/archive-received-file.ts';
import { isoOf, type ReceivedJob } from './collect/collect-received-files.ts';
import type { IndicatorMatcher } from './match/create-indicator-matcher.ts';
import type { TaskMatcher } from './match/create-task-matcher.ts';
import type { IntakeRegistry } from './match/load-intake-registry.ts';
import type { PreparedFile } from './parse/prepare-file.ts';
import type { RawWorkbook } from './parse/raw-workbook.ts';
import { readFormIdentity } from './read/read-form-sheets.ts';
import { readWorkbookValues } from './read/read-workbook-values.ts';
import { isTextSheetName } from './read/text-sheet.ts';
import { countProblems, emptyReading, ProblemList, type IntakeProblem, type SheetReading } from './read/sheet-reading.ts';
import type { IntakeWriter, ReceivedFileRecord } from './store/create-intake-writer.ts';
import { formatNumber } from '../shared/format-number.ts';

/** What happened to one file. */
export interface FileOutcome {
  /** Path as received, relative to the inbox ("so-tai-chinh/bao-cao.xlsx"), or the path given. */
  source: string;
  file: string;
  agency: string | null;
  status: 'accepted' | 'partial' | 'rejected';
  reason: string | null;
  format: string | null;
  sha256: string;
  receivedAt: string;
  rowsRead: number;
  rowsAccepted: number;
  values: number;
  tasks: number;
  problems: IntakeProblem[];
  fileId: number | null;
  submissionId: number | null;
  reread: boolean;
  /** True when the period was closed (chốt số liệu) when the file came: stored and staged, not counted. */
  held: boolean;
}

/** What every file of one ingest run shares: the period, the registry and its matchers, where to store. */
export interface IngestSession {
  period: Period;
  registry: IntakeRegistry;
  matcher: IndicatorMatcher;
  taskMatcher: TaskMatcher;
  /** The latest figure of an indicator in an earlier period, for the range check. */
  previousValue: (indicator: string) => { value: number; period: string } | null;
  /** The indicators an agency reports in the period (cached per agency). */
  own: (agency: string) => Set<string>;
  /** null in a dry run: nothing is written. */
  writer: IntakeWriter | null;
  archiveDir: string;
  maxFileBytes: number;
  dryRun: boolean;
  now: () => Date;
  log?: (line: string) => void;
}

/**
 * Bounds on the problems of one file (issue 11: one file of unknown rows gave 200.000 problems and a 115 MB
 * summary.json): the first `listed` are kept with their cells, the rest summed up in one line; above `refuseAbove`
 * errors the file is refused.
 */
export const PROBLEM_LIMITS = { listed: 100, refuseAbove: 500 } as const;

function countErrors(problems: readonly IntakeProblem[]): number {
  return countProblems(problems).errors;
}

/** The first `limit` problems, then one line "và N vấn đề khác" for the rest. */
function capProblems(problems: IntakeProblem[], file: string, limit: number): IntakeProblem[] {
  const all = countProblems(problems);
  if (all.total <= limit) return [...problems];
  const kept = problems.slice(0, limit);
  const restTotal = all.total - kept.length;
  const errors = all.errors - countErrors(kept);
  kept.push({
    file,
    code: 'more-problems',
    severity: errors > 0 ? 'error' : 'warning',
    message: `và ${formatNumber(restTotal)} vấn đề khác (${formatNumber(errors)} lỗi, ${formatNumber(restTotal - errors)} lưu ý) không liệt kê ở đây.`,
    action: 'Sửa các vấn đề đã liệt kê rồi gửi lại; các vấn đề còn lại thường cùng nguyên nhân.',
  });
  return kept;
}

/** Flags each figure for an indicator that no target gives the agency in the period (issue 11: it landed silently). */
function flagIndicatorsNotFollowed(
  reading: SheetReading,
  own: ReadonlySet<string>,
  file: string,
  agencyName: string,
  periodLabel: string,
  problems: IntakeProblem[],
  indicators: IntakeRegistry['indicators'],
): void {
  // One warning per indicator, at its first cell, naming how many figures it has.
  const seen = new Map<string, { first: SheetReading['values'][number]; count: number }>();
  for (const v of reading.values) {
    if (own.has(v.indicator)) continue;
    const entry = seen.get(v.indicator);
    if (entry) entry.count++;
    else seen.set(v.indicator, { first: v, count: 1 });
  }
  for (const [indicator, { first, count }] of seen) {
    problems.push({
      file,
      sheet: first.sheet,
      row: first.row,
      cell: first.cell,
      value: first.valueText,
      code: 'indicator-not-followed',
      severity: 'warning',
      message:
        `Chỉ tiêu "${indicators.get(indicator)?.name ?? indicator}" không được giao cho ${agencyName} theo dõi trong ${periodLabel}` +
        `${count > 1 ? ` (${count} số liệu, từ ô ${first.cell})` : ''}; số liệu được lưu nhưng cần cán bộ xác nhận nguồn.`,
      action: 'Nếu cơ quan có số liệu này theo phân công mới, đề nghị Sở cập nhật danh mục; nếu nhầm dòng, sửa và gửi lại.',
    });
  }
}

/** What the agency's feedback says of a text attachment it sent (a DOCX, a workbook with only a "Thuyết minh" sheet). */
export const TEXT_ATTACHMENT_REASON = 'Đã nhận tệp thuyết minh (văn bản, không có số liệu); nội dung được đưa vào dự thảo báo cáo để cán bộ biên tập.';

function fileProblem(file: string, code: ProblemCode, message: string, action: string): IntakeProblem {
  return { file, code, severity: 'error', message, action };
}

/** Ingests one received file: decides its agency, reads it, archives it and stores the reading with its problems. */
export function ingestFile(job: ReceivedJob, file: PreparedFile, session: IngestSession): FileOutcome {
  const { period, registry } = session;
  const { fileName, size, bytes, sha256 } = file;
  const problems: IntakeProblem[] = new ProblemList();
  let reading: SheetReading = emptyReading();
  let agency = job.agencyHint;
  let agencySource: 'form' | 'folder' | 'option' | null = job.agencyHintSource;
  const format = file.format;
  const encoding = file.encoding;
  let reason: string | null = null;
  const reject = (code: ProblemCode, message: string, action: string) => {
    reason = message;
    problems.push(fileProblem(fileName, code, message, action));
  };
  const rejectUnknownAgency = () =>
    reject(
      'unknown-agency',
      job.folderText
        ? `Thư mục "${job.folderText}" không phải tên hoặc mã một cơ quan trong danh mục, nên không biết tệp của cơ quan nào.`
        : 'Không biết tệp của cơ quan nào (tệp không nằm trong thư mục của một cơ quan).',
      'Đặt tệp vào thư mục mang tên cơ quan (ví dụ "Sở Tài chính" hoặc "so-tai-chinh"); tệp vẫn được lưu.',
    );
  // The agency's text sent beside its figures (a DOCX, or a workbook whose only content is a "Thuyết minh" sheet):
  // received, no figures expected, no problem; the report takes its words into the narrative.
  let attachment = false;
  if (file.rejection) {
    reject(file.rejection.code, file.rejection.message, file.rejection.action);
  } else if (format === 'docx') {
    if (agency) attachment = true;
    else rejectUnknownAgency();
  } else if (file.book) {
    let book: RawWorkbook | null = file.book;
    const identity = readFormIdentity(book);
    if (identity) {
      if (identity.period !== period.id) {
        reject('wrong-period', `Biểu mẫu này của kỳ ${identity.period}, không phải kỳ ${period.id} đang nhận.`, `Dùng biểu mẫu của kỳ ${period.id} do Sở gửi.`);
        book = null;
      } else if (registry.agencies.has(identity.agency)) {
        if (agency && agency !== identity.agency) {
          // Filed in another agency's folder (or given with another --agency): which agency sent it is for staff to
          // decide; it is held, never staged, so it can supersede no agency's own report (issue 11).
          const formName = registry.agencies.get(identity.agency)!.name;
          const placeName = registry.agencies.get(agency)?.name ?? agency;
          reject(
            'agency-mismatch',
            `Biểu mẫu ghi cơ quan "${formName}" nhưng tệp ${job.folderText ? `nằm trong thư mục "${job.folderText}" của` : 'được nhận cho'} "${placeName}": ` +
              'tệp được giữ lại chờ cán bộ xác nhận, chưa tính cho cơ quan nào và không thay số liệu của cơ quan nào.',
            `Cán bộ xác định cơ quan gửi: đặt tệp vào thư mục của "${formName}" (nếu đúng là của cơ quan đó) hoặc đề nghị "${placeName}" gửi biểu mẫu của chính mình, rồi chạy lại.`,
          );
          book = null;
        } else {
          agency = identity.agency;
          agencySource = 'form';
        }
      }
    }
    if (book && !agency) {
      rejectUnknownAgency();
      book = null;
    }
    if (book && agency) {
      const own = session.own(agency);
      reading = readWorkbookValues(book, { fileName, period, agency, own, registry, matcher: session.matcher, previousValue: session.previousValue }, session.taskMatcher);
      for (const p of reading.problems) problems.push(p);
      if (reading.problems instanceof ProblemList) (problems as ProblemList).countDropped(reading.problems.droppedErrors, reading.problems.dropped);
      flagIndicatorsNotFollowed(reading, own, fileName, registry.agencies.get(agency)?.name ?? agency, period.label, problems, registry.indicators);
      const textOnly = book.sheets.some((sh) => isTextSheetName(sh.name) && sh.rows.some((row) => row.some((c) => c != null && String(c.v).trim() !== '')));
      if (reading.values.length === 0 && reading.tasks.length === 0 && textOnly && !problems.some((p) => p.severity === 'error')) {
        attachment = true;
      } else if (reading.values.length === 0 && reading.tasks.length === 0) {
        reason = reason ?? 'Không có số liệu nào đọc được trong tệp.';
        if (!problems.some((p) => p.severity === 'error')) {
          problems.push(fileProblem(fileName, 'missing-label', 'Không tìm thấy số liệu nào trong tệp.', 'Dùng biểu mẫu của Sở hoặc ghi bảng có cột "Chỉ tiêu", "Đơn vị tính" và cột số liệu theo kỳ.'));
        }
      }
    }
  }
  if (countErrors(problems) > PROBLEM_LIMITS.refuseAbove) {
    // A file this wrong is not a report: refuse it whole rather than stage the few rows that happened to read.
    const refusal = fileProblem(
      fileName,
      'more-problems',
      `Tệp có ${formatNumber(countErrors(problems))} lỗi, quá ${formatNumber(PROBLEM_LIMITS.refuseAbove)} lỗi cho phép: không nhận tệp này.`,
      'Sửa theo các lỗi liệt kê đầu tiên (thường cùng một nguyên nhân: sai biểu mẫu, sai cột, sai đơn vị) rồi gửi lại.',
    );
    reason = refusal.message;
    // First in the list, and always kept (a full list only counts what is pushed onto it).
    problems.unshift(refusal);
    reading = { ...emptyReading(), rowsRead: reading.rowsRead };
  }
  const hasValues = reading.values.length + reading.tasks.length > 0;
  const hasErrors = problems.some((p) => p.severity === 'error');
  const status: FileOutcome['status'] = attachment ? 'accepted' : !hasValues ? 'rejected' : hasErrors ? 'partial' : 'accepted';
  const storedPath = session.dryRun || size > session.maxFileBytes ? '' : archiveReceivedFile(session.archiveDir, sha256, fileName, bytes);
  const record: ReceivedFileRecord = {
    sha256,
    fileName,
    storedPath,
    sizeBytes: size,
    receivedAt: job.receivedAt,
    agency,
    period: period.id,
    format,
    status,
    reason: status === 'rejected' ? reason ?? problems.find((p) => p.severity === 'error')?.message ?? null : attachment ? TEXT_ATTACHMENT_REASON : null,
    attachment,
    sourcePath: job.source,
    agencySource: agency ? agencySource : null,
    encoding,
    processedAt: isoOf(session.now()),
  };
  const listed = capProblems(problems, fileName, PROBLEM_LIMITS.listed);
  const written = session.writer ? session.writer.write(record, reading, listed) : null;
  if (written) listed.push(...written.problems);
  const outcome: FileOutcome = {
    source: job.source,
    file: fileName,
    agency,
    status,
    reason: record.reason,
    format,
    sha256,
    receivedAt: job.receivedAt,
    rowsRead: reading.rowsRead,
    rowsAccepted: reading.rowsAccepted,
    values: reading.values.length,
    tasks: reading.tasks.length,
    problems: listed,
    fileId: written?.fileId ?? null,
    submissionId: written?.submissionId ?? null,
    reread: written?.reread ?? false,
    held: written?.held ?? false,
  };
  session.log?.(
    `${status.padEnd(8)} ${job.source}: ${reading.values.length} số liệu, ${reading.tasks.length} nhiệm vụ, ${countProblems(problems).total + (written?.problems.length ?? 0)} vấn đề` +
      (written?.held ? ' (kỳ đã chốt số liệu: giữ lại, chưa tính)' : '') +
      (attachment ? ' (thuyết minh, không có số liệu: đã nhận)' : ''),
  );
  return outcome;
}
