// Intake stage: writes the department's form for each agency and period: the indicators it follows with their plan
// target, input cells for the result, the estimate and a note, tasks it leads, and its identity in a very hidden
// sheet so the returned file names its agency and period itself.
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { OpenDatabase } from '../../db/open-database.ts';
import { parsePeriod, type Period } from '../../shared/parse-period.ts';
import { PipelineError } from '../../shared/pipeline-error.ts';
import { fixZipDates } from '../../shared/fix-zip-dates.ts';
import {
  FORM_HEADER_ROW,
  FORM_MARKER,
  FORM_META_SHEET,
  FORM_TASK_STATUSES,
  FORM_TASKS_SHEET,
  FORM_VALUES_SHEET,
} from './form-layout.ts';
import {
  agencyIndicators,
  agencyOnDate,
  agencyTasks,
  expectedAgencies,
  loadIntakeRegistry,
  type IntakeRegistry,
} from '../match/load-intake-registry.ts';
import { resolveAgency } from '../match/resolve-agency.ts';
import { writeFileAtomic } from '../../shared/write-file-atomic.ts';

/** Options of `writeAgencyForms`. */
export interface FormsOptions {
  period: string;
  /** Only this agency (code or name). @default every agency expected to report */
  agency?: string;
  /** Folder the forms are written to. */
  outDir: string;
  /** Date stamped in the file properties, fixed for byte-identical output. @default 2000-01-01 */
  fileDate?: Date;
}

/** The plan target text shown beside an indicator: the period's own target, else the nearest later ones. */
function planText(registry: IntakeRegistry, indicator: string, agency: string, period: Period): string {
  const targets = registry.targets.filter(
    (t) => t.indicator === indicator && (!t.agency || agencyOnDate(registry, t.agency, period.cutoffEnd) === agency || t.agency === agency),
  );
  const year = String(period.endYear);
  const exact = targets.filter((t) => t.period === period.id || t.period === year);
  const chosen = exact.length > 0 ? exact : targets.filter((t) => Number(t.period.slice(-4)) >= period.endYear).slice(0, 2);
  return [...new Set(chosen.map((t) => `${t.period}: ${t.expression}`))].join('; ');
}

const FILL_INPUT: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Builds one agency's form. */
export async function buildAgencyForm(registry: IntakeRegistry, agency: string, period: Period, fileDate: Date): Promise<Buffer> {
  const ag = registry.agencies.get(agency);
  if (!ag) throw new PipelineError('usage', `Không có cơ quan "${agency}".`);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kehoach';
  wb.created = fileDate;
  wb.modified = fileDate;
  const ws = wb.addWorksheet(FORM_VALUES_SHEET, { views: [{ state: 'frozen', ySplit: FORM_HEADER_ROW }] });
  ws.columns = [{ width: 6 }, { width: 14 }, { width: 55 }, { width: 14 }, { width: 28 }, { width: 16 }, { width: 16 }, { width: 36 }];
  ws.mergeCells('A1:H1');
  ws.getCell('A1').value = `BIỂU BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU KẾ HOẠCH ${period.label.toUpperCase()}`;
  ws.getCell('A1').font = { bold: true, size: 13 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.getCell('A2').value = `Cơ quan báo cáo: ${ag.name}`;
  ws.getCell('A3').value = `Kỳ báo cáo: ${period.label} (số liệu tính đến ngày ${period.cutoffEnd.split('-').reverse().join('/')}, Nghị định 09/2019/NĐ-CP)`;
  ws.mergeCells('A4:H4');
  ws.getCell('A4').value =
    'Hướng dẫn: chỉ nhập vào các ô màu vàng. Cột "Thực hiện" ghi số đã có; cột "Ước thực hiện" ghi số ước tính khi chưa có số chính thức. ' +
    'Nhập số theo đơn vị ở cột "Đơn vị tính"; không sửa, thêm hay xóa dòng, cột; lời giải thích ghi ở cột "Ghi chú". Lưu và gửi lại nguyên tệp này.';
  ws.getCell('A4').alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(4).height = 45;
  const header = ws.getRow(FORM_HEADER_ROW);
  header.values = ['STT', 'Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị tính', 'Mục tiêu kế hoạch', `Thực hiện ${period.label}`, `Ước thực hiện ${period.label}`, 'Ghi chú'];
  header.font = { bold: true };
  header.alignment = { wrapText: true, horizontal: 'center', vertical: 'middle' };
  header.height = 32;
  header.eachCell((c) => (c.border = BORDER));
  const indicators = agencyIndicators(registry, agency, period);
  indicators.forEach((code, i) => {
    const ind = registry.indicators.get(code)!;
    const row = ws.getRow(FORM_HEADER_ROW + 1 + i);
    // Strings only: a registry text is never written as a formula.
    row.values = [i + 1, ind.code, ind.name, ind.unit, planText(registry, code, agency, period), null, null, null];
    row.alignment = { wrapText: true, vertical: 'top' };
    for (let c = 1; c <= 8; c++) row.getCell(c).border = BORDER;
    for (const c of [6, 7]) {
      const cell = row.getCell(c);
      cell.protection = { locked: false };
      cell.fill = FILL_INPUT;
      cell.numFmt = '#,##0.##';
      cell.dataValidation = {
        type: 'decimal',
        operator: 'between',
        formulae: [-1e15, 1e15],
        allowBlank: true,
        showErrorMessage: true,
        errorTitle: 'Chỉ nhập số',
        error: 'Ô này chỉ nhận một con số. Lời giải thích ghi ở cột Ghi chú.',
      };
    }
    row.getCell(8).protection = { locked: false };
    row.getCell(8).fill = FILL_INPUT;
  });
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });

  const tasks = agencyTasks(registry, agency, period);
  if (tasks.length > 0) {
    const wt = wb.addWorksheet(FORM_TASKS_SHEET, { views: [{ state: 'frozen', ySplit: FORM_HEADER_ROW }] });
    wt.columns = [{ width: 6 }, { width: 20 }, { width: 60 }, { width: 16 }, { width: 18 }, { width: 50 }, { width: 30 }];
    wt.mergeCells('A1:G1');
    wt.getCell('A1').value = `TÌNH HÌNH THỰC HIỆN NHIỆM VỤ, ĐỀ ÁN ${period.label.toUpperCase()}`;
    wt.getCell('A1').font = { bold: true, size: 13 };
    wt.getCell('A2').value = `Cơ quan chủ trì: ${ag.name}`;
    wt.getCell('A4').value = 'Hướng dẫn: chọn trạng thái ở cột "Trạng thái" và ghi ngắn gọn kết quả ở cột "Tình hình thực hiện" (ô màu vàng).';
    const th = wt.getRow(FORM_HEADER_ROW);
    th.values = ['STT', 'Mã nhiệm vụ', 'Nhiệm vụ', 'Thời hạn', 'Trạng thái', 'Tình hình thực hiện', 'Ghi chú'];
    th.font = { bold: true };
    th.eachCell((c) => (c.border = BORDER));
    tasks.forEach((t, i) => {
      const row = wt.getRow(FORM_HEADER_ROW + 1 + i);
      row.values = [i + 1, t.id, t.title, t.deadlineText ?? '', null, null, null];
      row.alignment = { wrapText: true, vertical: 'top' };
      for (let c = 1; c <= 7; c++) row.getCell(c).border = BORDER;
      for (const c of [5, 6, 7]) {
        row.getCell(c).protection = { locked: false };
        row.getCell(c).fill = FILL_INPUT;
      }
      row.getCell(5).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${FORM_TASK_STATUSES.map(([label]) => label).join(',')}"`],
      };
    });
    await wt.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatRows: true });
  }

  const meta = wb.addWorksheet(FORM_META_SHEET, { state: 'veryHidden' });
  const kv: [string, string][] = [
    ['form', FORM_MARKER],
    ['agency', agency],
    ['agency_name', ag.name],
    ['period', period.id],
    ['indicators', String(indicators.length)],
    ['tasks', String(tasks.length)],
  ];
  for (const [k, v] of kv) meta.addRow([k, v]);
  await meta.protect('', {});
  return fixZipDates(Buffer.from(await wb.xlsx.writeBuffer()));
}

/**
 * Writes `<outDir>/<agency>.xlsx` for the agency given, or for every agency expected to report in the period.
 * @returns the files written
 */
export async function writeAgencyForms(database: OpenDatabase, options: FormsOptions): Promise<string[]> {
  const period = parsePeriod(options.period);
  const registry = loadIntakeRegistry(database.sqlite);
  let agencies: string[];
  if (options.agency) {
    const code = resolveAgency(registry, options.agency);
    if (!code) throw new PipelineError('usage', `Không có cơ quan "${options.agency}" trong danh mục.`);
    agencies = [code];
  } else {
    agencies = expectedAgencies(registry, period);
  }
  const date = options.fileDate ?? new Date('2000-01-01T00:00:00Z');
  const written: string[] = [];
  for (const a of agencies) {
    const file = path.join(options.outDir, `${a}.xlsx`);
    writeFileAtomic(file, await buildAgencyForm(registry, a, period, date));
    written.push(file);
  }
  return written;
}
