// Desk: the period board's data: per agency what was expected, what arrived and when, its status and problems,
// and the period's counts. Read from the same functions `kehoach status` and the feedback files use.
import fs from 'node:fs';
import path from 'node:path';
import type { OpenDatabase } from '../db/open-database.ts';
import { findActiveClosure, type ActiveClosure } from '../db/find-active-closure.ts';
import { listAgencyStatus, type AgencyStatusRow } from '../intake/store/list-agency-status.ts';
import { buildIntakeSummary, type SummaryFile } from '../intake/feedback/write-intake-feedback.ts';
import { parsePeriod, type Period } from '../shared/parse-period.ts';
import { formatVietnamDate, formatVietnamTime } from '../shared/vietnam-time.ts';

/** The five statuses the office uses for an agency in a period. */
export type BoardStatus = 'dung_han' | 'muon' | 'khong_hop_le' | 'gui_thieu' | 'chua_gui';

/** Vietnamese label of each status. */
export const BOARD_STATUS_LABELS: Record<BoardStatus, string> = {
  dung_han: 'Đúng hạn',
  muon: 'Muộn',
  khong_hop_le: 'Không hợp lệ',
  gui_thieu: 'Gửi thiếu',
  chua_gui: 'Chưa gửi',
};

/** One agency's line on the board. */
export interface BoardAgency {
  code: string;
  name: string;
  status: BoardStatus;
  statusLabel: string;
  late: boolean;
  expectedIndicators: number;
  receivedIndicators: number;
  expectedTasks: number;
  receivedTasks: number;
  missing: string[];
  firstReceived: string;
  /** dd/mm/yyyy of firstReceived. */
  firstReceivedText: string;
  deadline: string;
  files: (SummaryFile & { receivedText: string; statusText: string })[];
  errors: number;
  warnings: number;
  /** The feedback workbook exists. */
  hasFeedback: boolean;
}

/** The board of a period. */
export interface PeriodBoard {
  period: Period;
  closure: ActiveClosure | null;
  agencies: BoardAgency[];
  counts: Record<BoardStatus, number> & { expected: number; files: number; rejectedFiles: number; problems: number };
  /** Files whose agency could not be told. */
  unknownAgencyFiles: SummaryFile[];
}

const FILE_STATUS_TEXT = { accepted: 'Đã nhận', partial: 'Nhận một phần', rejected: 'Không nhận' } as const;

/** Maps `listAgencyStatus`'s status and lateness onto the office's five statuses. */
export function toBoardStatus(row: Pick<AgencyStatusRow, 'status' | 'late'>): BoardStatus {
  switch (row.status) {
    case 'chua_gui':
      return 'chua_gui';
    case 'khong_nhan':
      return 'khong_hop_le';
    case 'thieu':
      return 'gui_thieu';
    case 'du':
    case 'ngoai_danh_sach':
      return row.late === 'co' ? 'muon' : 'dung_han';
    default:
      throw new Error(`Trạng thái không xác định: ${row.status}`);
  }
}

/**
 * Reads the board of a period.
 * @param outDir output root, to tell which feedback workbooks exist
 */
export function readPeriodBoard(database: OpenDatabase, periodId: string, options: { outDir: string; daysAfterCutoff: number; today?: string }): PeriodBoard {
  const period = parsePeriod(periodId);
  const rows = listAgencyStatus(database, { period: period.id, daysAfterCutoff: options.daysAfterCutoff, today: options.today });
  const summary = buildIntakeSummary(database, period.id);
  const feedbackDir = path.join(options.outDir, period.id, 'phan-hoi');
  const counts = { dung_han: 0, muon: 0, khong_hop_le: 0, gui_thieu: 0, chua_gui: 0, expected: 0, files: summary.files.length, rejectedFiles: 0, problems: 0 };
  const agencies = rows.map((row): BoardAgency => {
    const status = toBoardStatus(row);
    counts[status]++;
    if (row.status !== 'ngoai_danh_sach') counts.expected++;
    const files = summary.files
      .filter((f) => f.agency === row.agency)
      .map((f) => ({ ...f, receivedText: formatVietnamTime(f.received_at), statusText: FILE_STATUS_TEXT[f.status] }));
    const current = files.filter((f) => !f.superseded);
    const errors = current.reduce((n, f) => n + f.problems.filter((p) => p.severity === 'error').length, 0);
    const warnings = current.reduce((n, f) => n + f.problems.filter((p) => p.severity !== 'error').length, 0);
    counts.rejectedFiles += files.filter((f) => f.status === 'rejected').length;
    counts.problems += errors + warnings;
    return {
      code: row.agency,
      name: row.name,
      status,
      statusLabel: BOARD_STATUS_LABELS[status],
      late: row.late === 'co',
      expectedIndicators: row.expected_indicators,
      receivedIndicators: row.received_indicators,
      expectedTasks: row.expected_tasks,
      receivedTasks: row.received_tasks,
      missing: row.missing ? row.missing.split(' ') : [],
      firstReceived: row.first_received,
      firstReceivedText: formatVietnamDate(row.first_received),
      deadline: row.deadline,
      files,
      errors,
      warnings,
      hasFeedback: fs.existsSync(path.join(feedbackDir, `${row.agency}.xlsx`)),
    };
  });
  return {
    period,
    closure: findActiveClosure(database.sqlite, period.id),
    agencies,
    counts,
    unknownAgencyFiles: summary.files.filter((f) => f.agency === null),
  };
}
