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
import { emptyReading, type IntakeProblem, type SheetReading } from './read/sheet-reading.ts';
import type { IntakeWriter, ReceivedFileRecord } from './store/create-intake-writer.ts';

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

function fileProblem(file: string, code: ProblemCode, message: string, action: string): IntakeProblem {
  return { file, code, severity: 'error', message, action };
}

/** Ingests one received file: decides its agency, reads it, archives it and stores the reading with its problems. */
export function ingestFile(job: ReceivedJob, file: PreparedFile, session: IngestSession): FileOutcome {
  const { period, registry } = session;
  const { fileName, size, bytes, sha256 } = file;
  const problems: IntakeProblem[] = [];
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
  if (file.rejection) {
    reject(file.rejection.code, file.rejection.message, file.rejection.action);
  } else if (file.book) {
    let book: RawWorkbook | null = file.book;
    const identity = readFormIdentity(book);
    if (identity) {
      if (identity.period !== period.id) {
        reject('wrong-period', `Biểu mẫu này của kỳ ${identity.period}, không phải kỳ ${period.id} đang nhận.`, `Dùng biểu mẫu của kỳ ${period.id} do Sở gửi.`);
        book = null;
      } else if (registry.agencies.has(identity.agency)) {
        if (agency && agency !== identity.agency) {
          problems.push({
            file: fileName,
            code: 'unknown-agency',
            severity: 'warning',
            message: `Biểu mẫu ghi cơ quan "${registry.agencies.get(identity.agency)!.name}" nhưng tệp nằm trong thư mục "${job.folderText ?? agency}"; nhận theo cơ quan ghi trong biểu mẫu.`,
            action: 'Mỗi cơ quan dùng biểu mẫu của chính mình.',
          });
        }
        agency = identity.agency;
        agencySource = 'form';
      }
    }
    if (book && !agency) {
      reject(
        'unknown-agency',
        job.folderText
          ? `Thư mục "${job.folderText}" không phải tên hoặc mã một cơ quan trong danh mục, nên không biết tệp của cơ quan nào.`
          : 'Không biết tệp của cơ quan nào (tệp không nằm trong thư mục của một cơ quan).',
        'Đặt tệp vào thư mục mang tên cơ quan (ví dụ "Sở Tài chính" hoặc "so-tai-chinh"); tệp vẫn được lưu.',
      );
      book = null;
    }
    if (book && agency) {
      reading = readWorkbookValues(book, { fileName, period, agency, own: session.own(agency), registry, matcher: session.matcher }, session.taskMatcher);
      for (const p of reading.problems) problems.push(p);
      if (reading.values.length === 0 && reading.tasks.length === 0) {
        reason = reason ?? 'Không có số liệu nào đọc được trong tệp.';
        if (!problems.some((p) => p.severity === 'error')) {
          problems.push(fileProblem(fileName, 'missing-label', 'Không tìm thấy số liệu nào trong tệp.', 'Dùng biểu mẫu của Sở hoặc ghi bảng có cột "Chỉ tiêu", "Đơn vị tính" và cột số liệu theo kỳ.'));
        }
      }
    }
  }
  const hasValues = reading.values.length + reading.tasks.length > 0;
  const hasErrors = problems.some((p) => p.severity === 'error');
  const status: FileOutcome['status'] = !hasValues ? 'rejected' : hasErrors ? 'partial' : 'accepted';
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
    reason: status === 'rejected' ? reason ?? problems.find((p) => p.severity === 'error')?.message ?? null : null,
    sourcePath: job.source,
    agencySource: agency ? agencySource : null,
    encoding,
    processedAt: isoOf(session.now()),
  };
  const written = session.writer ? session.writer.write(record, reading, problems) : null;
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
    problems,
    fileId: written?.fileId ?? null,
    submissionId: written?.submissionId ?? null,
    reread: written?.reread ?? false,
    held: written?.held ?? false,
  };
  session.log?.(
    `${status.padEnd(8)} ${job.source}: ${reading.values.length} số liệu, ${reading.tasks.length} nhiệm vụ, ${problems.length} vấn đề` +
      (written?.held ? ' (kỳ đã chốt số liệu: giữ lại, chưa tính)' : ''),
  );
  return outcome;
}
