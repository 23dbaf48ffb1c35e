// Demo data: writes a small illustrative inbox, samples/inbox/<period>/<agency folder>/, for 2025-H1 and 2025, from
// the registry in the database (never by parsing seeds/ here). Every file says "SỐ LIỆU MINH HỌA": the figures are
// plausible for Kon Tum but invented. Deterministic: same bytes every run (fixed dates in every writer).
// Run: npx tsx samples/make-samples.ts
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import * as XLSX from 'xlsx';
import { openDatabase } from '../pipeline/db/open-database.ts';
import { ensureSeeded } from '../pipeline/registry/ensure-seeded.ts';
import { agencyIndicators, loadIntakeRegistry, type IntakeRegistry } from '../pipeline/intake/match/load-intake-registry.ts';
import { buildAgencyForm } from '../pipeline/intake/forms/write-agency-forms.ts';
import { fixZipDates } from '../pipeline/shared/fix-zip-dates.ts';
import { parsePeriod, type Period } from '../pipeline/shared/parse-period.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const INBOX = path.join(HERE, 'inbox');
const FILE_DATE = new Date('2025-01-01T00:00:00Z');
const BANNER = 'SỐ LIỆU MINH HỌA - không phải số liệu chính thức';

/** Illustrative yearly figures 2021..2025 (2025 is an estimate) and the first half of 2025, by indicator code. */
const FIGURES: Record<string, { years: [number, number, number, number, number]; h1: number }> = {
  'grdp-tang-truong': { years: [6.52, 7.01, 7.33, 8.12, 8.5], h1: 7.85 },
  'co-cau-nong-lam-thuy-san': { years: [22.1, 21.4, 20.8, 20.3, 19.8], h1: 19.9 },
  'co-cau-cong-nghiep-xay-dung': { years: [28.5, 29.4, 30.2, 31.0, 31.8], h1: 31.2 },
  'co-cau-dich-vu': { years: [42.0, 42.3, 42.5, 42.6, 42.9], h1: 42.8 },
  'grdp-binh-quan-dau-nguoi': { years: [50.1, 55.3, 60.2, 66.5, 72.0], h1: 35.4 },
  'nang-suat-lao-dong-tang': { years: [5.2, 5.8, 6.0, 6.4, 6.6], h1: 6.1 },
  'thu-nsnn': { years: [2950, 3410, 3180, 3650, 4100], h1: 2010.5 },
  'ty-le-do-thi-hoa': { years: [35.2, 35.9, 36.4, 37.0, 37.5], h1: 37.2 },
  'ty-le-dan-cu-do-thi-su-dung-nuoc-sach': { years: [88.5, 90.1, 91.6, 93.0, 94.2], h1: 93.5 },
  'ty-le-xa-dat-chuan-ntm': { years: [37.5, 43.0, 48.8, 52.4, 56.1], h1: 53.7 },
  'ty-le-xa-dat-chuan-ntm-nang-cao': { years: [2.4, 4.9, 7.3, 9.8, 12.2], h1: 11.0 },
  'ty-le-che-phu-rung': { years: [63.1, 63.3, 63.5, 63.6, 63.7], h1: 63.6 },
  'ty-le-dan-cu-nong-thon-su-dung-nuoc-hop-ve-sinh': { years: [93.0, 94.5, 95.6, 96.8, 97.5], h1: 97.0 },
  'ty-trong-duoc-lieu-trong-gtsx-nong-nghiep': { years: [3.1, 3.8, 4.6, 5.5, 6.4], h1: 5.9 },
  'dong-gop-tfp': { years: [33.5, 35.0, 36.2, 37.4, 38.5], h1: 37.9 },
  'ty-le-lao-dong-qua-dao-tao-co-bang-cap-chung-chi': { years: [21.5, 23.0, 24.8, 26.5, 28.2], h1: 27.1 },
  'ty-le-ho-ngheo': { years: [18.2, 15.1, 12.6, 10.3, 8.2], h1: 9.4 },
  'ty-le-lao-dong-nong-lam-thuy-san': { years: [60.5, 59.8, 59.0, 58.2, 57.4], h1: 57.9 },
  'ty-le-truong-dat-chuan-quoc-gia-mam-non': { years: [38.5, 41.2, 44.0, 46.3, 48.2], h1: 47.0 },
  'ty-le-truong-dat-chuan-quoc-gia-tieu-hoc': { years: [55.0, 57.8, 60.1, 62.0, 63.5], h1: 62.8 },
  'ty-le-truong-dat-chuan-quoc-gia-thcs': { years: [44.2, 46.5, 48.9, 50.5, 52.1], h1: 51.0 },
  'ty-le-truong-dat-chuan-quoc-gia-thpt': { years: [36.0, 38.5, 41.0, 43.2, 45.0], h1: 44.0 },
  'so-giuong-benh-tren-10000-dan': { years: [32.0, 33.1, 33.9, 34.6, 35.2], h1: 34.9 },
  'so-bac-si-tren-10000-dan': { years: [8.6, 9.0, 9.4, 9.8, 10.1], h1: 9.9 },
  'ty-le-bao-phu-bhyt': { years: [94.1, 93.0, 92.6, 93.1, 93.2], h1: 92.9 },
  'ty-le-chat-thai-ran-sinh-hoat-do-thi-duoc-thu-gom-xu-ly': { years: [86.0, 88.2, 90.1, 91.5, 92.5], h1: 92.0 },
  'ty-le-chat-thai-ran-nguy-hai-duoc-thu-gom-xu-ly': { years: [95.0, 96.5, 97.8, 98.5, 99.0], h1: 98.8 },
  'ty-le-kcn-co-he-thong-xu-ly-nuoc-thai-tap-trung': { years: [50, 50, 100, 100, 100], h1: 100 },
  'ty-trong-cong-nghiep-che-bien-che-tao': { years: [8.1, 8.6, 9.0, 9.4, 9.8], h1: 9.6 },
  'ty-trong-kinh-te-so': { years: [5.1, 5.9, 6.8, 7.5, 8.2], h1: 7.9 },
};

/** Figure of an indicator for a period (a year 2021..2025, or 2025-H1); a neutral 50 for one the table lacks. */
function figure(code: string, period: string): number {
  const f = FIGURES[code];
  if (!f) return 50;
  if (period === '2025-H1') return f.h1;
  return f.years[Number(period) - 2021] ?? f.years[4];
}

/** Vietnamese-style text of a number: "2.010,5". */
function vi(n: number): string {
  const [int, dec] = String(n).split('.');
  return `${int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}${dec ? `,${dec}` : ''}`;
}

function write(rel: string, data: Buffer | string): void {
  const file = path.join(INBOX, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
}

type Cell = string | number | null;

function sheetJs(rows: Cell[][], merges: [number, number, number, number][] = []): XLSX.WorkSheet {
  const ws = XLSX.utils.aoa_to_sheet(rows.map((r) => r.map((c) => (c === null ? undefined : c))));
  ws['!merges'] = merges.map(([r1, c1, r2, c2]) => ({ s: { r: r1, c: c1 }, e: { r: r2, c: c2 } }));
  return ws;
}

function workbook(sheets: [string, XLSX.WorkSheet][]): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  for (const [n, ws] of sheets) XLSX.utils.book_append_sheet(wb, ws, n);
  wb.Props = { Title: BANNER, Author: 'kehoach', CreatedDate: FILE_DATE };
  return wb;
}

/** The department's form for an agency, filled with the illustrative figures (actual or estimate). */
async function filledForm(
  registry: IntakeRegistry,
  agency: string,
  period: Period,
  kind: 'actual' | 'estimate',
  tweak: (code: string, v: number) => number = (_c, v) => v,
  extraSheet?: { name: string; rows: Cell[][] },
): Promise<Buffer> {
  const blank = await buildAgencyForm(registry, agency, period, FILE_DATE);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(blank as unknown as ArrayBuffer);
  wb.created = FILE_DATE;
  wb.modified = FILE_DATE;
  const ws = wb.getWorksheet('Chỉ tiêu')!;
  ws.getCell('A5').value = BANNER;
  ws.getCell('A5').font = { bold: true, color: { argb: 'FFC00000' } };
  for (let r = 7; r <= ws.rowCount; r++) {
    const code = ws.getCell(r, 2).value;
    if (typeof code !== 'string' || !code) continue;
    ws.getCell(r, kind === 'actual' ? 6 : 7).value = tweak(code, figure(code, period.id));
  }
  const tasks = wb.getWorksheet('Nhiệm vụ');
  if (tasks) {
    for (let r = 7; r <= Math.min(tasks.rowCount, 9); r++) {
      tasks.getCell(r, 5).value = r === 7 ? 'Hoàn thành' : 'Đang thực hiện';
      tasks.getCell(r, 6).value = r === 7 ? 'Đã hoàn thành, báo cáo UBND tỉnh.' : 'Đang triển khai theo kế hoạch.';
    }
  }
  if (extraSheet) {
    // An agency adding its own table beside the form: strings stay strings, never formulas.
    const extra = wb.addWorksheet(extraSheet.name);
    for (const row of extraSheet.rows) extra.addRow(row.map((c) => (c === null ? undefined : c)));
  }
  return fixZipDates(Buffer.from(await wb.xlsx.writeBuffer()));
}

/** A free-form report the way an agency writes its own: title block, merged two-row header, outline, signature. */
function freeFormReport(
  registry: IntakeRegistry,
  agencyName: string,
  codes: string[],
  period: Period,
  notes: { header: string; byCode: Record<string, string> } = { header: 'Ghi chú', byCode: {} },
): XLSX.WorkBook {
  const annual = period.kind === 'year';
  const y = period.endYear;
  const rows: Cell[][] = [
    ['UBND TỈNH KON TUM'],
    [agencyName.toUpperCase()],
    [BANNER],
    [`BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU ${period.label.toUpperCase()}`],
    ['Đơn vị tính: như cột Đơn vị tính'],
    ['STT', 'Chỉ tiêu', 'Đơn vị tính', `Năm ${y - 1}`, `Năm ${y}`, null, 'So sánh (%)', notes.header],
    [null, null, null, 'Thực hiện', 'Kế hoạch', annual ? `Ước thực hiện năm ${y}` : `Thực hiện 6 tháng năm ${y}`, null, null],
    ['I', 'CÁC CHỈ TIÊU CHỦ YẾU'],
  ];
  codes.forEach((code, i) => {
    const ind = registry.indicators.get(code)!;
    const now = figure(code, period.id);
    const before = figure(code, String(y - 1));
    rows.push([String(i + 1), ind.name, ind.unit, before, null, now, Math.round((now / (before || 1)) * 1000) / 10, notes.byCode[code] ?? '']);
  });
  rows.push([], [null, 'Người lập biểu', null, null, null, 'KT. GIÁM ĐỐC'], [null, null, null, null, null, 'PHÓ GIÁM ĐỐC']);
  const ws = sheetJs(rows, [[5, 0, 6, 0], [5, 1, 6, 1], [5, 2, 6, 2], [5, 4, 5, 5], [5, 6, 6, 6], [5, 7, 6, 7]]);
  return workbook([['Báo cáo', ws]]);
}

/** Cục Thống kê's table with one column per year 2021..2025, for the multi-year review. */
function perYearRows(registry: IntakeRegistry, codes: string[]): Cell[][] {
  const rows: Cell[][] = [
    ['CỤC THỐNG KÊ TỈNH KON TUM'],
    [BANNER],
    ['MỘT SỐ CHỈ TIÊU KINH TẾ - XÃ HỘI CHỦ YẾU GIAI ĐOẠN 2021-2025'],
    ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Năm 2021', 'Năm 2022', 'Năm 2023', 'Năm 2024', 'Ước thực hiện năm 2025'],
  ];
  codes.forEach((code, i) => {
    const ind = registry.indicators.get(code)!;
    rows.push([String(i + 1), ind.name, ind.unit, ...[2021, 2022, 2023, 2024, 2025].map((yy) => figure(code, String(yy)))]);
  });
  rows.push([], ['Nguồn: Niên giám thống kê tỉnh Kon Tum; năm 2025 là số ước.']);
  return rows;
}

/** Builds both periods' inboxes. */
export async function makeSamples(): Promise<void> {
  const database = openDatabase({ file: ':memory:' });
  try {
    ensureSeeded(database.sqlite);
    const registry = loadIntakeRegistry(database.sqlite);
    fs.rmSync(INBOX, { recursive: true, force: true });
    const has = (a: string) => registry.agencies.has(a);
    const name = (a: string) => registry.agencies.get(a)?.name ?? a;
    const inds = (a: string, p: Period) => agencyIndicators(registry, a, p).filter((c) => registry.indicators.has(c));

    for (const periodId of ['2025-H1', '2025'] as const) {
      const period = parsePeriod(periodId);
      const annual = period.kind === 'year';
      const register: [string, string][] = [];
      const day = (d: string) => (annual ? `2025-12-${d}` : `2025-06-${d}`);
      const add = (rel: string, data: Buffer | string, date: string) => {
        write(path.join(periodId, rel), data);
        register.push([rel, `${date}T02:30:00Z`]);
      };
      const kind = annual ? 'estimate' : 'actual';

      // Cục Thống kê: the department's form; in 2025-H1 a revision two days later; in 2025 with a per-year sheet.
      if (has('cuc-thong-ke')) {
        const codes = inds('cuc-thong-ke', period);
        if (annual) {
          // One file: the form, and beside it the agency's own sheet with one column per year (the review's points).
          const extra = { name: 'Số liệu 2021-2025', rows: perYearRows(registry, codes) };
          add('Cục Thống kê/bieu-mau-cuc-thong-ke.xlsx', await filledForm(registry, 'cuc-thong-ke', period, kind, undefined, extra), day('15'));
        } else {
          // First send: GRDP growth typed wrong (7,58 instead of 7,85); the revision corrects it.
          add('Cục Thống kê/bieu-mau-cuc-thong-ke.xlsx', await filledForm(registry, 'cuc-thong-ke', period, kind, (c, v) => (c === 'grdp-tang-truong' ? 7.58 : v)), day('12'));
          add('Cục Thống kê/bieu-mau-cuc-thong-ke (bổ sung).xlsx', await filledForm(registry, 'cuc-thong-ke', period, kind), day('14'));
        }
      }
      // Sở Tài chính (and, through the 2025 merger, the old Sở Kế hoạch và Đầu tư's targets): its own free-form sheet.
      if (has('so-tai-chinh')) {
        const codes = inds('so-tai-chinh', period);
        add('Sở Tài chính/bao-cao-stc.xlsx', XLSX.write(freeFormReport(registry, name('so-tai-chinh'), codes, period), { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer, day('13'));
      }
      // Sở Xây dựng: an ODS from LibreOffice, in a numbered folder.
      if (has('so-xay-dung')) {
        const codes = inds('so-xay-dung', period);
        add('03 - Sở Xây dựng/bao-cao.ods', XLSX.write(freeFormReport(registry, name('so-xay-dung'), codes, period), { type: 'buffer', bookType: 'ods', compression: true }) as Buffer, day('16'));
      }
      // Forms from several sở, folders named by code.
      for (const [agency, date] of [
        ['so-nong-nghiep-va-moi-truong', '17'],
        ['so-noi-vu', '18'],
        ['so-khoa-hoc-va-cong-nghe', '16'],
      ] as const) {
        if (has(agency) && inds(agency, period).length > 0) add(`${agency}/bieu-mau.xlsx`, await filledForm(registry, agency, period, kind), day(date));
      }
      // Sở Giáo dục và Đào tạo: form; late for the annual report.
      if (has('so-giao-duc-va-dao-tao')) {
        add('Sở Giáo dục và Đào tạo/bieu-mau.xlsx', await filledForm(registry, 'so-giao-duc-va-dao-tao', period, kind), annual ? day('23') : day('17'));
      }
      // Sở Y tế: free-form; late for the six-month report.
      if (has('so-y-te')) {
        const codes = inds('so-y-te', period);
        // Its own words on two figures, in a "Thuyết minh" column: they reach the narrative draft under Y tế.
        const notes = {
          header: 'Thuyết minh',
          byCode: {
            'so-giuong-benh-tren-10000-dan': 'Bệnh viện Đa khoa khu vực Ngọc Hồi đưa thêm 50 giường bệnh vào sử dụng; một số trạm y tế xã còn thiếu giường lưu.',
            'so-bac-si-tren-10000-dan': 'Tuyển dụng được 18 bác sĩ; vẫn khó thu hút bác sĩ về tuyến xã vùng sâu, vùng xa.',
          },
        };
        add('so-y-te/so-lieu-y-te.xlsx', XLSX.write(freeFormReport(registry, name('so-y-te'), codes, period, notes), { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer, annual ? day('18') : day('23'));
      }
      // Bảo hiểm xã hội tỉnh: a CSV saved by Excel in a Vietnamese locale (Windows-1258, ";" and decimal commas).
      if (has('bao-hiem-xa-hoi-tinh')) {
        const lines = ['sep=;', `${BANNER};;;`, `STT;Chỉ tiêu;Đơn vị tính;${annual ? `Ước thực hiện năm ${period.endYear}` : `Thực hiện 6 tháng năm ${period.endYear}`}`];
        inds('bao-hiem-xa-hoi-tinh', period).forEach((c, i) => lines.push(`${i + 1};${registry.indicators.get(c)!.name};${registry.indicators.get(c)!.unit};${vi(figure(c, period.id))}`));
        const text = `${lines.join('\r\n')}\r\n`.normalize('NFD').replace(/([A-Za-z])([\u0300-\u036f]+)/g, (_a, base: string, marks: string) => {
          const tones = marks.replace(/[^\u0300\u0301\u0303\u0309\u0323]/g, '');
          return `${(base + marks.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '')).normalize('NFC')}${tones}`;
        });
        add('Bảo hiểm xã hội tỉnh/so-lieu-bhxh.csv', iconv.encode(text, 'windows1258'), day('15'));
      }
      // Sở Công Thương: an old .xls in TCVN3 with problems to send back (words in number cells, a wrong unit, an
      // indicator name the registry does not know).
      if (has('so-cong-thuong')) {
        const tcvn = (s: string) => iconv.encode(s, 'tcvn').toString('latin1');
        const codes = inds('so-cong-thuong', period);
        const rows: Cell[][] = [
          [tcvn('SỞ CÔNG THƯƠNG TỈNH KON TUM')],
          [tcvn(BANNER)],
          [tcvn(`BÁO CÁO CHỈ TIÊU NGÀNH CÔNG THƯƠNG ${period.label.toUpperCase()}`)],
          ['TT', tcvn('Chỉ tiêu'), tcvn('ĐVT'), tcvn(annual ? `Ước thực hiện năm ${period.endYear}` : `Thực hiện 6 tháng năm ${period.endYear}`)],
        ];
        codes.forEach((c, i) => rows.push([String(i + 1), tcvn(registry.indicators.get(c)!.name), '%', annual ? figure(c, period.id) : tcvn('Khoảng 9,6')]));
        rows.push([String(codes.length + 1), tcvn('Giá trị sản xuất công nghiệp (giá so sánh 2010)'), tcvn('tỷ đồng'), 6850.5]);
        rows.push([String(codes.length + 2), tcvn('Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ'), tcvn('tỷ đồng'), annual ? 31250 : 15120]);
        add('Sở Công Thương/bao-cao-cong-thuong.xls', XLSX.write(workbook([['Sheet1', sheetJs(rows)]]), { type: 'buffer', bookType: 'biff8' }) as Buffer, day('16'));
      }
      // Ban Quản lý Khu kinh tế tỉnh sends nothing: the missing agency of the demo.
      register.sort((a, b) => a[0].localeCompare(b[0]));
      write(path.join(periodId, '_received.csv'), `file,received_at\n${register.map(([f, d]) => `"${f}",${d}`).join('\n')}\n`);
    }
  } finally {
    await database.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await makeSamples();
  process.stdout.write(`Samples written to ${path.relative(process.cwd(), INBOX)}\n`);
}
