// Intake stage: writes one received file and what was read from it, in one transaction, with prepared statements:
// the file record, its submission (superseding the agency's earlier one for the period), values, tasks, problems.
import type BetterSqlite3 from 'better-sqlite3';
import { findActiveClosure } from '../../db/find-active-closure.ts';
import type { IntakeProblem, SheetReading } from '../read/sheet-reading.ts';
import { relinkSubmissions } from './relink-submissions.ts';

/** The received file as recorded. */
export interface ReceivedFileRecord {
  sha256: string;
  fileName: string;
  storedPath: string;
  sizeBytes: number;
  receivedAt: string;
  agency: string | null;
  period: string;
  format: string | null;
  status: 'accepted' | 'partial' | 'rejected';
  reason: string | null;
  sourcePath: string;
  agencySource: 'form' | 'folder' | 'option' | null;
  encoding: string | null;
  processedAt: string;
  /** A text attachment (a DOCX or a "Thuyết minh" workbook): received with no figures, makes no submission. */
  attachment?: boolean;
}

/** Ids written for one file. */
export interface WrittenFile {
  fileId: number;
  submissionId: number | null;
  /** True when the same content for the same agency and period was received before and was read again. */
  reread: boolean;
  /** True when the submission is held because the period is closed (chốt số liệu). */
  held: boolean;
  /** Problems found while storing (a later file carrying fewer indicators than the one before), also stored. */
  problems: IntakeProblem[];
}

/** Writes files; create once per run. */
export interface IntakeWriter {
  write(record: ReceivedFileRecord, reading: SheetReading, problems: IntakeProblem[]): WrittenFile;
}

/** Prepares the statements once. */
export function createIntakeWriter(sqlite: BetterSqlite3.Database): IntakeWriter {
  const findFile = sqlite.prepare(
    'select id from received_files where sha256 = ? and period = ? and coalesce(agency_code, \'\') = ? order by id limit 1',
  );
  const insertFile = sqlite.prepare(`insert into received_files (sha256, file_name, stored_path, size_bytes, received_at, agency_code,
      period, format, status, reason, rows_read, rows_accepted, source_path, agency_source, encoding, processed_at)
    values (@sha256, @fileName, @storedPath, @sizeBytes, @receivedAt, @agency, @period, @format, @status, @reason, @rowsRead,
      @rowsAccepted, @sourcePath, @agencySource, @encoding, @processedAt)`);
  const updateFile = sqlite.prepare(`update received_files set file_name = @fileName, stored_path = @storedPath, size_bytes = @sizeBytes,
      received_at = @receivedAt, format = @format, status = @status, reason = @reason, rows_read = @rowsRead,
      rows_accepted = @rowsAccepted, source_path = @sourcePath, agency_source = @agencySource, encoding = @encoding,
      processed_at = @processedAt where id = @id`);
  const findSubmission = sqlite.prepare('select id from submissions where file_id = ?');
  const insertSubmission = sqlite.prepare(
    'insert into submissions (file_id, agency_code, period, received_at, superseded_by, held) values (?, ?, ?, ?, null, ?)',
  );
  const findHeld = sqlite.prepare('select held from submissions where id = ?');
  const updateSubmission = sqlite.prepare('update submissions set received_at = ? where id = ?');
  const unlinkSubmission = sqlite.prepare('update submissions set superseded_by = null where superseded_by = ?');
  const deleteSubmission = sqlite.prepare('delete from submissions where id = ?');
  const deleteValues = sqlite.prepare('delete from staged_values where submission_id = ?');
  // Carried figures point at the rows they came from: cleared before any row goes; relinkSubmissions rebuilds them.
  const deleteCarried = sqlite.prepare(
    'delete from staged_values where carried_from is not null and submission_id in (select id from submissions where agency_code = ? and period = ?)',
  );
  const deleteTasks = sqlite.prepare('delete from task_reports where submission_id = ?');
  const deleteProblems = sqlite.prepare('delete from problems where file_id = ?');
  const insertValue = sqlite.prepare(`insert into staged_values (submission_id, agency_code, indicator_code, period, kind, value, value_text,
      unit_text, source_file, source_sheet, source_cell, note)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertTask = sqlite.prepare(`insert into task_reports (submission_id, agency_code, task_id, period, status, progress_text,
      source_file, source_sheet, source_cell) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertProblem = sqlite.prepare(`insert into problems (file_id, submission_id, agency_code, period, code, severity, message, action,
      file_name, sheet, row_number, column_name, cell, value_text, row_data, suggested_indicator)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);

  const write = sqlite.transaction((record: ReceivedFileRecord, reading: SheetReading, problems: IntakeProblem[]): WrittenFile => {
    const { attachment: _attachment, ...fields } = record;
    const params = { ...fields, rowsRead: reading.rowsRead, rowsAccepted: reading.rowsAccepted };
    const existing = findFile.get(record.sha256, record.period, record.agency ?? '') as { id: number } | undefined;
    let fileId: number;
    let submissionId: number | null = null;
    if (existing) {
      fileId = existing.id;
      updateFile.run({ ...params, id: fileId });
      deleteProblems.run(fileId);
      const sub = findSubmission.get(fileId) as { id: number } | undefined;
      if (sub) {
        if (record.agency) deleteCarried.run(record.agency, record.period);
        deleteValues.run(sub.id);
        deleteTasks.run(sub.id);
        if (record.status === 'rejected' || !record.agency || record.attachment) {
          unlinkSubmission.run(sub.id);
          deleteSubmission.run(sub.id);
        } else {
          updateSubmission.run(record.receivedAt, sub.id);
          submissionId = sub.id;
        }
      }
    } else {
      fileId = Number(insertFile.run(params).lastInsertRowid);
    }
    // A text attachment (thuyết minh) carries no figures: it is recorded as received and makes no submission, so it
    // neither supersedes nor is counted as the agency's figures.
    if (record.status !== 'rejected' && record.agency && submissionId === null && !record.attachment) {
      // Chốt số liệu: a file arriving after the period was closed is stored and staged, but held out of the figures.
      const held = findActiveClosure(sqlite, record.period) ? 1 : 0;
      submissionId = Number(insertSubmission.run(fileId, record.agency, record.period, record.receivedAt, held).lastInsertRowid);
    }
    const held = submissionId !== null && (findHeld.get(submissionId) as { held: number }).held === 1;
    if (submissionId !== null && record.agency) {
      for (const v of reading.values) {
        insertValue.run(submissionId, record.agency, v.indicator, v.period, v.kind, v.value, v.valueText, v.unitText, record.fileName, v.sheet, v.cell, v.note);
      }
      for (const t of reading.tasks) {
        insertTask.run(submissionId, record.agency, t.taskId, record.period, t.status, t.progressText, record.fileName, t.sheet, t.cell);
      }
    }
    const stored: IntakeProblem[] = [];
    if (record.agency) {
      // Held submissions (arrived after the period was closed) neither supersede nor are superseded until reopening.
      const chain = relinkSubmissions(sqlite, record.agency, record.period);
      const at = chain.findIndex((l) => l.submissionId === submissionId);
      const before = at > 0 ? chain[at - 1]! : null;
      const mine = at >= 0 ? chain[at]! : null;
      if (before && mine && mine.indicators.length < before.indicators.length) {
        const kept = before.indicators.filter((i) => !mine.indicators.includes(i));
        stored.push({
          file: record.fileName,
          code: 'fewer-indicators',
          severity: 'warning',
          message:
            `Tệp này có ${mine.indicators.length} chỉ tiêu, ít chỉ tiêu hơn tệp gửi trước "${before.fileName}" (${before.indicators.length} chỉ tiêu). ` +
            `Số liệu của tệp này thay số liệu cùng chỉ tiêu; ${kept.length} chỉ tiêu không có trong tệp này vẫn lấy từ tệp trước: ` +
            `${kept.slice(0, 10).join(', ')}${kept.length > 10 ? ', ...' : ''}.`,
          action: 'Nếu tệp này là báo cáo bổ sung, không cần làm gì. Nếu là báo cáo thay thế đầy đủ, hãy gửi đủ các chỉ tiêu.',
        });
      }
    }
    for (const p of [...problems, ...stored]) {
      insertProblem.run(
        fileId,
        submissionId,
        record.agency,
        record.period,
        p.code,
        p.severity,
        p.message,
        p.action ?? null,
        p.file,
        p.sheet ?? null,
        p.row ?? null,
        p.column ?? null,
        p.cell ?? null,
        p.value ?? null,
        p.rowData ? JSON.stringify(p.rowData) : null,
        p.suggestedIndicator ?? null,
      );
    }
    return { fileId, submissionId, reread: existing !== undefined, held, problems: stored };
  });

  return {
    write(record, reading, problems) {
      return write.immediate(record, reading, problems);
    },
  };
}
