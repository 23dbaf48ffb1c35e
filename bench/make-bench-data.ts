// Benchmark: synthetic province-sized data (registry, inbox) for `npm run bench`. Never used by the pipeline.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { toCsv } from '../pipeline/shared/to-csv.ts';
import { openDatabase } from '../pipeline/db/open-database.ts';
import { loadSeeds } from '../pipeline/registry/load-seeds.ts';
import { loadIntakeRegistry } from '../pipeline/intake/match/load-intake-registry.ts';
import { buildAgencyForm } from '../pipeline/intake/forms/write-agency-forms.ts';
import { FORM_HEADER_ROW, FORM_VALUES_SHEET, FORM_VALUE_COLUMNS } from '../pipeline/intake/forms/form-layout.ts';
import { parsePeriod } from '../pipeline/shared/parse-period.ts';

const UNITS = ['%', 'tỷ đồng', 'người', 'ha', 'doanh nghiệp'] as const;
const DOMAINS = ['kinh_te', 'xa_hoi', 'moi_truong', 'quoc_phong_an_ninh', 'xay_dung_dang'] as const;

/** Size of a synthetic province. */
export interface BenchSize {
  agencies: number;
  indicators: number;
}

function agencyCode(i: number): string {
  return `so-bench-${String(i + 1).padStart(2, '0')}`;
}

function indicatorName(i: number): string {
  return `Chỉ tiêu tổng hợp số ${i + 1} nhóm ${Math.floor(i / 10) + 1}`;
}

/** A deterministic figure for indicator i in a year. */
function figure(i: number, year: number): number {
  return Math.round((50 + ((i * 37) % 400) + (year - 2020) * 3.7) * 10) / 10;
}

/**
 * Writes a seeds folder for a synthetic province: one plan document, `agencies` sở, `indicators` indicators each
 * with a 2025 target followed by one agency (round robin), and `extraIndicators` more for the large-CSV agency.
 */
export function writeBenchSeeds(dir: string, size: BenchSize, extraIndicators = 0): void {
  fs.mkdirSync(dir, { recursive: true });
  const write = (name: string, columns: string[], rows: Record<string, string | number>[]) =>
    fs.writeFileSync(path.join(dir, name), toCsv(columns, rows));
  write('documents.csv', ['code', 'so_ky_hieu', 'kind', 'issuer', 'issued_on', 'issued_year', 'title', 'implements', 'source_file', 'source_ref'], [
    { code: 'KH-BENCH-2025', so_ky_hieu: '1/KH-UBND', kind: 'ke_hoach', issuer: 'ubnd-tinh-bench', issued_on: '2024-12-20', issued_year: 2024, title: 'Kế hoạch phát triển kinh tế - xã hội năm 2025 (dữ liệu đo tốc độ)', implements: '', source_file: '', source_ref: 'bench' },
  ]);
  const agencies = [
    { code: 'ubnd-tinh-bench', name: 'Ủy ban nhân dân tỉnh Thử Nghiệm', short_name: '', kind: 'ubnd_tinh', parent: '', valid_from: '', valid_to: '', successor: '', aliases: '', source_ref: 'bench' },
    { code: 'cuc-thong-ke-bench', name: 'Cục Thống kê tỉnh Thử Nghiệm', short_name: '', kind: 'nganh', parent: '', valid_from: '', valid_to: '', successor: '', aliases: '', source_ref: 'bench' },
  ];
  for (let a = 0; a < size.agencies; a++) {
    agencies.push({ code: agencyCode(a), name: `Sở Thử Nghiệm ${a + 1}`, short_name: '', kind: 'so', parent: 'ubnd-tinh-bench', valid_from: '', valid_to: '', successor: '', aliases: '', source_ref: 'bench' });
  }
  write('agencies.csv', ['code', 'name', 'short_name', 'kind', 'parent', 'valid_from', 'valid_to', 'successor', 'aliases', 'source_ref'], agencies);
  const indicators: Record<string, string | number>[] = [];
  const targets: Record<string, string | number>[] = [];
  for (let i = 0; i < size.indicators + extraIndicators; i++) {
    const unit = UNITS[i % UNITS.length]!;
    indicators.push({ code: `ct-${i + 1}`, name: indicatorName(i), unit, domain: DOMAINS[i % DOMAINS.length]!, direction: 'higher', aggregation: 'level', parent: '', source_ref: 'bench' });
    const lo = Math.round(figure(i, 2025) * 0.97);
    const agency = i < size.indicators ? agencyCode(i % size.agencies) : 'cuc-thong-ke-bench';
    targets.push({ id: `KH-BENCH-2025:${i + 1}`, document: 'KH-BENCH-2025', indicator: `ct-${i + 1}`, period: '2025', expression: `trên ${lo}`, parse_as: '', op: 'gt', lo, hi: '', unit, agency, agency_text: '', source_ref: `bench, STT ${i + 1}`, note: '' });
  }
  write('indicators.csv', ['code', 'name', 'unit', 'domain', 'direction', 'aggregation', 'parent', 'source_ref'], indicators);
  write('targets.csv', ['id', 'document', 'indicator', 'period', 'expression', 'parse_as', 'op', 'lo', 'hi', 'unit', 'agency', 'agency_text', 'source_ref', 'note'], targets);
}

/**
 * Writes an inbox for period 2025: a third of the agencies send the department's form (xlsx), a third a free-form
 * xlsx with a two-row header and a column per year, a third a `;`-separated CSV with decimal commas.
 */
export async function writeBenchInbox(seedsDir: string, inbox: string, size: BenchSize): Promise<void> {
  const database = openDatabase({ file: ':memory:' });
  try {
    loadSeeds(database.sqlite, seedsDir);
    const registry = loadIntakeRegistry(database.sqlite);
    const period = parsePeriod('2025');
    const fileDate = new Date('2025-01-01T00:00:00Z');
    const lines: string[] = ['file,received_at'];
    for (let a = 0; a < size.agencies; a++) {
      const code = agencyCode(a);
      const mine = [...Array(size.indicators).keys()].filter((i) => i % size.agencies === a);
      const folder = path.join(inbox, code);
      fs.mkdirSync(folder, { recursive: true });
      let file: string;
      if (a % 3 === 0) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load((await buildAgencyForm(registry, code, period, fileDate)) as unknown as ArrayBuffer);
        const ws = wb.getWorksheet(FORM_VALUES_SHEET)!;
        for (let r = FORM_HEADER_ROW + 1; r <= ws.rowCount; r++) {
          const c = ws.getCell(r, FORM_VALUE_COLUMNS.code + 1).value;
          if (typeof c !== 'string' || !c.startsWith('ct-')) continue;
          ws.getCell(r, FORM_VALUE_COLUMNS.actual + 1).value = figure(Number(c.slice(3)) - 1, 2025);
        }
        file = 'bieu-mau.xlsx';
        fs.writeFileSync(path.join(folder, file), Buffer.from(await wb.xlsx.writeBuffer()));
      } else if (a % 3 === 1) {
        const rows: (string | number | null)[][] = [
          ['UBND TỈNH THỬ NGHIỆM'],
          [`SỞ THỬ NGHIỆM ${a + 1}`],
          ['BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NĂM 2025'],
          ['STT', 'Chỉ tiêu', 'Đơn vị tính', 'Năm 2023', 'Năm 2024', 'Năm 2025', null],
          [null, null, null, 'Thực hiện', 'Thực hiện', 'Kế hoạch', 'Ước thực hiện năm 2025'],
        ];
        mine.forEach((i, n) => rows.push([String(n + 1), indicatorName(i), UNITS[i % UNITS.length]!, figure(i, 2023), figure(i, 2024), null, figure(i, 2025)]));
        rows.push([], [null, 'Người lập biểu', null, null, 'GIÁM ĐỐC']);
        const ws = XLSX.utils.aoa_to_sheet(rows);
        ws['!merges'] = [0, 1, 2].map((c) => ({ s: { r: 3, c }, e: { r: 4, c } })).concat([{ s: { r: 3, c: 5 }, e: { r: 3, c: 6 } }]);
        const wb = XLSX.utils.book_new();
        XLSX.utils.book_append_sheet(wb, ws, 'Báo cáo');
        file = 'bao-cao.xlsx';
        fs.writeFileSync(path.join(folder, file), XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
      } else {
        const rows = ['sep=;', 'STT;Chỉ tiêu;Đơn vị tính;Thực hiện năm 2025'];
        mine.forEach((i, n) => rows.push(`${n + 1};${indicatorName(i)};${UNITS[i % UNITS.length]};${String(figure(i, 2025)).replace('.', ',')}`));
        file = 'so-lieu.csv';
        fs.writeFileSync(path.join(folder, file), `\uFEFF${rows.join('\r\n')}\r\n`);
      }
      lines.push(`"${code}/${file}",2025-12-15T02:00:00Z`);
    }
    fs.writeFileSync(path.join(inbox, '_received.csv'), `${lines.join('\n')}\n`);
  } finally {
    await database.close();
  }
}

/** Writes one large CSV for the statistics office: one row per extra indicator, for the rows-per-second figure. */
export function writeLargeCsv(file: string, size: BenchSize, rows: number): void {
  const lines = ['sep=;', 'STT;Chỉ tiêu;Đơn vị tính;Thực hiện năm 2025'];
  for (let n = 0; n < rows; n++) {
    const i = size.indicators + n;
    lines.push(`${n + 1};${indicatorName(i)};${UNITS[i % UNITS.length]};${String(figure(i, 2025)).replace('.', ',')}`);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
}

/**
 * Writes a dense CSV of about `bytes` bytes whose rows name no indicator of the registry (issue 11: three such 49 MB
 * files ran `kehoach run` out of memory): twelve monthly figures a row, Vietnamese names, `;` and decimal commas.
 */
/**
 * Writes a dense CSV whose every row names a real registry indicator (out of `indicators`) and carries 40 columns of
 * ambiguous numbers (`0.000.000,000000000000`), under the row and cell caps: nearly every cell is a problem, the
 * shape that built millions of problems before the file was refused (issue 11 review F2).
 */
export function writeDenseMatchingCsv(file: string, bytes: number, indicators: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const columns = 36;
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, `\uFEFFSTT;Chỉ tiêu;Đơn vị tính;${Array.from({ length: columns }, (_, m) => `Thực hiện tháng ${(m % 12) + 1} năm 2025`).join(';')}\r\n`);
    let written = 0;
    let chunk: string[] = [];
    const cells = Array.from({ length: columns }, () => '0.000.000,000000000000').join(';');
    for (let n = 1; written < bytes && n <= 49_000; n++) {
      const line = `${n};${indicatorName((n - 1) % indicators)};%;${cells}\r\n`;
      chunk.push(line);
      written += Buffer.byteLength(line);
      if (chunk.length === 5_000) {
        fs.writeSync(fd, chunk.join(''));
        chunk = [];
      }
    }
    fs.writeSync(fd, chunk.join(''));
  } finally {
    fs.closeSync(fd);
  }
}

export function writeDenseCsv(file: string, bytes: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, `\uFEFFSTT;Chỉ tiêu;Đơn vị tính;${Array.from({ length: 12 }, (_, m) => `Tháng ${m + 1} năm 2025`).join(';')}\r\n`);
    let written = 0;
    let chunk: string[] = [];
    for (let n = 1; written < bytes; n++) {
      const months = Array.from({ length: 12 }, (_, m) => `${(n * 7 + m * 13) % 1000},${(n + m) % 10}`).join(';');
      const line = `${n};Số liệu chi tiết không thuộc danh mục, mục ${n} của phụ lục thống kê xã phường;người;${months}\r\n`;
      chunk.push(line);
      written += Buffer.byteLength(line);
      if (chunk.length === 5_000) {
        fs.writeSync(fd, chunk.join(''));
        chunk = [];
      }
    }
    fs.writeSync(fd, chunk.join(''));
  } finally {
    fs.closeSync(fd);
  }
}
