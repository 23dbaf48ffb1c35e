// Registry stage: `kehoach plan import FILE` loads the targets of a plan adopted in December (one row per target:
// Văn bản | Chỉ tiêu | Đơn vị | Kỳ | Chỉ tiêu kế hoạch | Cơ quan theo dõi), all rows or none.
//
// Indicators are matched by normalised name (toMatchKey) against indicators.name_key and indicator_aliases, then by
// the slug of the name against indicator codes (codes are slugs of short names). An
// indicator the registry does not know is created with origin 'plan-import' and these defaults, for staff to review:
// domain kinh_te; direction lower when the target says "dưới"/"không quá"/"giảm" or the name speaks of poverty,
// mortality, malnutrition, unemployment, accidents, crime or pollution, else higher; aggregation avg_growth for
// "tốc độ tăng"/"tăng trưởng" in %, per_year_reduction for "giảm .../năm", share for "tỷ trọng"/"cơ cấu" in %,
// count_added for "mới"/"thêm"/"kết nạp"/"giải quyết việc làm" counts, cumulative for amounts of money (not per
// person) and areas planted, else level.
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { PipelineError } from '../shared/pipeline-error.ts';
import type { DataProblem } from '../shared/data-problem.ts';
import { parsePeriod } from '../shared/parse-period.ts';
import { toMatchKey, toSlug } from '../shared/to-match-key.ts';
import { parseTargetExpression, TargetExpressionError, type ParsedTarget } from './parse-target-expression.ts';
import { readPlanRows, type PlanCell } from './read-plan-rows.ts';
import type { AppliedRule, Thesaurus } from './create-thesaurus.ts';
import { loadThesaurus } from './load-thesaurus.ts';
import { createPlanIndicatorMatcher, type PlanMatchHow } from './create-plan-indicator-matcher.ts';
import { formatNumber } from '../shared/format-number.ts';

/** Options of {@link importPlan}. */
export interface ImportPlanOptions {
  /** Document code (or số ký hiệu) for rows whose "Văn bản" is blank, or for a file without that column. */
  document?: string;
  /** Create an indicator for a name no indicator matches even when existing ones look close (`--new`). @default false */
  allowNew?: boolean;
  /**
   * Staff decisions read from a confirmation file (`--confirm`, readPlanConfirmations): the folded name (toMatchKey) ->
   * an indicator code, or NEW_INDICATOR for "this is a new measure".
   */
  confirmations?: ReadonlyMap<string, string>;
  /** The domain thesaurus. @default seeds/thesaurus.csv */
  thesaurus?: Thesaurus;
}

/** The value of a confirmation that says "a new indicator" ("mới"). */
export const NEW_INDICATOR = 'moi';

/** How one plan row's indicator was found, for `plan import` to print. */
export interface PlanRowMatch {
  row: number;
  name: string;
  indicator: string;
  /** code, alias, name, thesaurus (PlanMatchHow); confirmed (the confirmation file); new (created). */
  how: PlanMatchHow | 'confirmed' | 'new';
  /** Thesaurus rules that made the names meet. */
  rules: AppliedRule[];
}

/** What an import did. */
export interface ImportPlanResult {
  file: string;
  targets: number;
  /** Targets of an earlier import of the same file that were replaced. */
  replaced: number;
  documentsCreated: string[];
  indicatorsCreated: string[];
  /** Every row's indicator and how it was found, in file order. */
  matches: PlanRowMatch[];
}

/** The columns, by their matching key (case and diacritics ignored). */
const COLUMNS = {
  document: 'van ban',
  indicator: 'chi tieu',
  unit: 'don vi',
  period: 'ky',
  expression: 'chi tieu ke hoach',
  agency: 'co quan theo doi',
} as const;
type Column = keyof typeof COLUMNS;
const COLUMN_LABELS: Record<Column, string> = {
  document: 'Văn bản',
  indicator: 'Chỉ tiêu',
  unit: 'Đơn vị',
  period: 'Kỳ',
  expression: 'Chỉ tiêu kế hoạch',
  agency: 'Cơ quan theo dõi',
};

const KIND_BY_SYMBOL: Record<string, string> = { kh: 'ke_hoach', nq: 'nghi_quyet', ctr: 'chuong_trinh', qd: 'quyet_dinh' };
const LOWER_IS_BETTER = /\b(ngheo|tu vong|suy dinh duong|that nghiep|tai nan|toi pham|o nhiem|tang dan so tu nhien|nong lam|chat thai chua)\b/;
const MONEY_UNITS = new Set(['tỷ đồng', 'triệu đồng', 'triệu USD', 'tỷ USD', 'USD']);

function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Reads "Kỳ" as written in plans: 2024, "Năm 2024", "6 tháng đầu năm 2024", "Giai đoạn 2021-2025", "Quý III/2024". */
export function parsePlanPeriod(text: string): string | null {
  const raw = text.trim();
  try {
    return parsePeriod(raw).id;
  } catch {
    // not an id; try the words below
  }
  const key = toMatchKey(raw);
  const roman: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
  let m: RegExpMatchArray | null;
  if ((m = key.match(/^nam (\d{4})$/))) return m[1]!;
  if ((m = key.match(/^6 thang dau nam (\d{4})$/))) return `${m[1]}-H1`;
  if ((m = key.match(/^6 thang cuoi nam (\d{4})$/))) return `${m[1]}-H2`;
  if ((m = key.match(/^(?:giai doan |thoi ky )?(\d{4}) (\d{4})$/))) {
    try {
      return parsePeriod(`${m[1]}-${m[2]}`).id;
    } catch {
      return null;
    }
  }
  if ((m = key.match(/^quy (i|ii|iii|iv|[1-4]) (?:nam )?(\d{4})$/))) return `${m[2]}-Q${roman[m[1]!]}`;
  return null;
}

/** Formats a number cell the way a plan writes it (7800 -> "7.800", 92.75 -> "92,75"), for the verbatim column. */
function formatNumberCell(cell: PlanCell): string {
  const text = formatNumber(cell.number ?? 0, { maxDecimals: 10 });
  return cell.percent ? `${text}%` : text;
}

interface IndicatorRow {
  code: string;
  name_key: string;
  unit: string;
}

interface PlannedTarget {
  row: number;
  document: string;
  indicator: string;
  period: string;
  expression: string;
  parsed: ParsedTarget;
  unit: string | null;
  agency: string | null;
  agencyText: string | null;
}

/** Guesses the defaults of an indicator the plan introduces (see the module header). */
function newIndicatorDefaults(name: string, unit: string, parsed: ParsedTarget) {
  const key = toMatchKey(name);
  const direction = parsed.op === 'lt' || parsed.op === 'lte' || parsed.change === 'decrease' || LOWER_IS_BETTER.test(key) ? 'lower' : 'higher';
  let aggregation = 'level';
  if (unit === '%' && /\b(toc do tang|tang truong)\b/.test(key)) aggregation = 'avg_growth';
  else if (parsed.change === 'decrease' && parsed.perYear) aggregation = 'per_year_reduction';
  else if (unit === '%' && /^(ty trong|co cau)\b/.test(key)) aggregation = 'share';
  else if (unit === 'ha' && /\btrong\b.*\b(moi|them)\b/.test(key)) aggregation = 'cumulative';
  else if (unit !== '%' && /\b(moi|them|ket nap|giai quyet viec lam)\b/.test(key)) aggregation = 'count_added';
  else if (MONEY_UNITS.has(unit) && !/\bdau nguoi\b/.test(key)) aggregation = 'cumulative';
  return { domain: 'kinh_te', direction, aggregation };
}

/**
 * Imports the targets of a plan file in one transaction. Every row is checked first; if any row cannot be
 * understood (unknown period, unreadable target phrase, unit that disagrees with the indicator, unknown agency,
 * document differing from --document), nothing is loaded and a PipelineError('plan-import') lists each problem with
 * its row. Re-importing the same file (by name) replaces the targets it loaded before.
 */
export function importPlan(sqlite: BetterSqlite3.Database, filePath: string, options: ImportPlanOptions = {}): ImportPlanResult {
  const sheet = readPlanRows(filePath);
  const file = path.basename(filePath);
  const problems: DataProblem[] = [];
  const problem = (row: number | null, column: Column | null, message: string, value?: string, col?: number) =>
    problems.push({
      code: 'plan-import-error',
      severity: 'error',
      file,
      sheet: sheet.sheet,
      row,
      // A workbook cell is named by its letter (as the sender sees it), a CSV column by its header.
      column: col !== undefined ? columnLetter(col) : column ? COLUMN_LABELS[column] : null,
      message: col !== undefined && column ? `${COLUMN_LABELS[column]}: ${message}` : message,
      value: value ?? null,
    });

  // The header: the first of the first 20 rows holding the columns (more columns are allowed).
  const required: Column[] = ['indicator', 'unit', 'period', 'expression', ...(options.document ? [] : (['document'] as Column[]))];
  let headerIndex = -1;
  let positions = new Map<Column, number>();
  for (let i = 0; i < Math.min(20, sheet.rows.length) && headerIndex < 0; i++) {
    const keys = sheet.rows[i]!.cells.map((c) => toMatchKey(c.text));
    const found = new Map<Column, number>();
    for (const [column, key] of Object.entries(COLUMNS) as [Column, string][]) {
      const at = keys.indexOf(key);
      if (at >= 0) found.set(column, at);
    }
    if (required.every((c) => found.has(c))) {
      headerIndex = i;
      positions = found;
    }
  }
  if (headerIndex < 0) {
    throw new PipelineError(
      'plan-import',
      `Tệp ${file} không có dòng tiêu đề với các cột ${required.map((c) => `"${COLUMN_LABELS[c]}"`).join(', ')}. Chưa nạp gì.`,
    );
  }

  const documents = sqlite.prepare('select code, so_ky_hieu from documents').all() as { code: string; so_ky_hieu: string | null }[];
  const findDocument = (text: string): string | null => {
    const key = toMatchKey(text);
    return documents.find((d) => toMatchKey(d.code) === key || (d.so_ky_hieu !== null && toMatchKey(d.so_ky_hieu) === key))?.code ?? null;
  };
  const newDocuments = new Map<string, { code: string; text: string; row: number }>();
  const documentCodeFor = (text: string) => toSlug(text).toUpperCase().slice(0, 60) || 'VAN-BAN';
  let fixedDocument: string | null = null;
  if (options.document) {
    fixedDocument = findDocument(options.document);
    if (!fixedDocument) {
      fixedDocument = documentCodeFor(options.document);
      newDocuments.set(fixedDocument, { code: fixedDocument, text: options.document, row: sheet.rows[headerIndex]!.row });
    }
  }
  const indicators = sqlite.prepare('select code, name_key, unit from indicators').all() as IndicatorRow[];
  const matcher = createPlanIndicatorMatcher(sqlite, options.thesaurus ?? loadThesaurus());
  const matches: PlanRowMatch[] = [];
  const agencyAliases = sqlite.prepare('select alias_key, agency_code from agency_aliases').all() as { alias_key: string; agency_code: string }[];

  const newIndicators = new Map<string, { code: string; name: string; unit: string; row: number; defaults: ReturnType<typeof newIndicatorDefaults> }>();
  const usedCodes = new Set(indicators.map((i) => i.code));
  // The indicator a new name gets: one per name in the file, its code a slug of the name not yet used.
  const newIndicatorFor = (name: string, key: string, parsed: ParsedTarget, row: number): string | null => {
    const existing = newIndicators.get(key);
    const unit = parsed.unit;
    if (!unit) {
      problem(row, 'unit', 'chỉ tiêu mới cần đơn vị (cột Đơn vị hoặc trong chỉ tiêu kế hoạch)');
      return null;
    }
    if (existing) {
      if (existing.unit !== unit) problem(row, 'unit', `đơn vị "${unit}" khác đơn vị "${existing.unit}" ghi ở dòng ${existing.row}`);
      return existing.code;
    }
    const base = toSlug(name).slice(0, 60).replace(/-+$/, '') || 'chi-tieu';
    let code = base;
    for (let n = 2; usedCodes.has(code); n++) code = `${base}-${n}`;
    usedCodes.add(code);
    newIndicators.set(key, { code, name, unit, row, defaults: newIndicatorDefaults(name, unit, parsed) });
    return code;
  };
  const planned: PlannedTarget[] = [];

  for (const { row, cells } of sheet.rows.slice(headerIndex + 1)) {
    const cell = (c: Column): PlanCell => {
      const at = positions.get(c);
      return (at === undefined ? undefined : cells[at]) ?? { text: '', number: null, percent: false };
    };
    const colIndex = (c: Column) => (sheet.sheet ? positions.get(c) : undefined);
    if ((Object.keys(COLUMNS) as Column[]).every((c) => cell(c).text === '')) continue;
    const before = problems.length;
    const report = (c: Column, message: string) => problem(row, c, message, cell(c).text, colIndex(c));

    // Văn bản
    let document: string | null = fixedDocument;
    const documentText = cell('document').text;
    if (documentText) {
      const found = findDocument(documentText) ?? [...newDocuments.values()].find((d) => toMatchKey(d.text) === toMatchKey(documentText))?.code ?? null;
      const code = found ?? documentCodeFor(documentText);
      if (fixedDocument && code !== fixedDocument) {
        report('document', `văn bản "${documentText}" khác văn bản đã chọn (--document ${options.document})`);
      } else {
        if (!found && !newDocuments.has(code)) newDocuments.set(code, { code, text: documentText, row });
        document = code;
      }
    } else if (!document) {
      report('document', 'bỏ trống cột Văn bản (hoặc dùng --document)');
    }

    // Kỳ
    const periodCell = cell('period');
    const period = periodCell.number !== null ? parsePlanPeriod(String(periodCell.number)) : parsePlanPeriod(periodCell.text);
    if (!period) report('period', `không hiểu kỳ "${periodCell.text}" (dùng 2025, 2025-H1, 6 tháng đầu năm 2025, 2021-2025)`);

    // Chỉ tiêu kế hoạch, with Đơn vị
    const unitText = cell('unit').text;
    const expressionCell = cell('expression');
    let parsed: ParsedTarget | null = null;
    let expression = expressionCell.text;
    if (expressionCell.number !== null) {
      // A number cell is a bare number: "eq" as parseTargetExpression reads one. Its unit comes from the unit column.
      expression = formatNumberCell(expressionCell);
      try {
        const unit = expressionCell.percent ? '%' : unitText ? parseTargetExpression(`1 ${unitText}`).unit : null;
        parsed = { op: 'eq', lo: expressionCell.number, hi: expressionCell.number, unit, perYear: /\/\s*năm/i.test(unitText), change: null, approxQualifier: false, share: null };
      } catch {
        parsed = { op: 'eq', lo: expressionCell.number, hi: expressionCell.number, unit: unitText.toLowerCase() || null, perYear: false, change: null, approxQualifier: false, share: null };
      }
    } else if (expression === '') {
      report('expression', 'bỏ trống chỉ tiêu kế hoạch');
    } else {
      try {
        parsed = parseTargetExpression(expression, unitText ? { unit: unitText } : {});
      } catch (error) {
        if (!(error instanceof TargetExpressionError)) throw error;
        report('expression', error.message);
      }
    }

    // Chỉ tiêu: one indicator per measure (code, alias, name, thesaurus); a new one only when nothing close exists,
    // or when staff said so (--new, or "mới" in the confirmation file).
    const name = cell('indicator').text;
    let indicator: string | null = null;
    if (!name) {
      report('indicator', 'bỏ trống tên chỉ tiêu');
    } else {
      const key = toMatchKey(name);
      const confirmed = options.confirmations?.get(key) ?? null;
      let found = confirmed && confirmed !== NEW_INDICATOR ? null : matcher.match(name);
      if (confirmed && confirmed !== NEW_INDICATOR) {
        if (indicators.some((i) => i.code === confirmed)) found = { type: 'match', indicator: confirmed, how: 'code', rules: [] };
        else report('indicator', `tệp xác nhận ghi mã "${confirmed}" nhưng danh mục không có chỉ tiêu này`);
      }
      if (found?.type === 'ambiguous') {
        report('indicator', `tên chỉ tiêu khớp nhiều chỉ tiêu (${found.candidates.join(', ')}): ghi đúng tên trong danh mục hoặc mã chỉ tiêu`);
      } else if (found?.type === 'match') {
        indicator = found.indicator;
        matches.push({ row, name, indicator, how: confirmed ? 'confirmed' : found.how, rules: found.rules });
        const known = indicators.find((i) => i.code === indicator)!;
        const unit = parsed?.unit ?? null;
        if (parsed && unit !== null && unit !== known.unit && !known.unit.startsWith(`${unit}/`)) {
          report('unit', `đơn vị "${unit}" khác đơn vị của chỉ tiêu ${known.code} ("${known.unit}")`);
        }
      } else if (parsed && (found?.type === 'none' || confirmed === NEW_INDICATOR)) {
        const close = found?.type === 'none' ? found.close : [];
        if (close.length > 0 && !options.allowNew && confirmed !== NEW_INDICATOR) {
          // A December plan must never split a measure in silence: a name close to an existing indicator is refused.
          report(
            'indicator',
            `"${name}" gần giống chỉ tiêu đã có: ${close.map((c) => `${c.indicator} ("${c.name}")`).join(', ')}. ` +
              'Nếu là chỉ tiêu đó, ghi mã chỉ tiêu vào tệp xác nhận (--confirm); nếu là chỉ tiêu mới, ghi "mới" vào tệp xác nhận hoặc dùng --new',
          );
        } else {
          indicator = newIndicatorFor(name, key, parsed, row);
          if (indicator) matches.push({ row, name, indicator, how: confirmed === NEW_INDICATOR ? 'confirmed' : 'new', rules: [] });
        }
      }
    }

    // Cơ quan theo dõi
    const agencyText = cell('agency').text;
    let agency: string | null = null;
    if (agencyText) {
      const key = toMatchKey(agencyText);
      const candidates = [key, key.replace(/^(giam doc|thu truong|chu tich) /, '')];
      const codes = [...new Set(agencyAliases.filter((a) => candidates.includes(a.alias_key)).map((a) => a.agency_code))];
      if (codes.length === 1) agency = codes[0]!;
      else report('agency', codes.length === 0 ? `không có cơ quan "${agencyText}" trong danh mục` : `"${agencyText}" khớp nhiều cơ quan (${codes.join(', ')})`);
    }

    // One document sets one target per indicator and period (review finding 6): two different ones in one file are
    // refused, naming both rows, rather than left for the verdict to pick by file order.
    const twin = document && indicator && period && parsed ? planned.find((p) => p.document === document && p.indicator === indicator && p.period === period) : undefined;
    if (twin && parsed && (twin.parsed.op !== parsed.op || twin.parsed.lo !== parsed.lo || twin.parsed.hi !== parsed.hi)) {
      report(
        'expression',
        `chỉ tiêu ${indicator} kỳ ${period} đã có mục tiêu "${twin.expression}" ở dòng ${twin.row} của cùng văn bản ${document}; ` +
          'một văn bản chỉ đặt một mục tiêu cho một chỉ tiêu trong một kỳ: bỏ một dòng, hoặc nếu là chỉ tiêu khác, ghi mã của nó vào tệp xác nhận (--confirm)',
      );
    }
    if (problems.length === before && document && indicator && period && parsed) {
      planned.push({ row, document, indicator, period, expression, parsed, unit: parsed.unit, agency, agencyText: agencyText || null });
    }
  }

  if (problems.length > 0) {
    const lines = problems.slice(0, 50).map((p) => `  dòng ${p.row}, cột ${p.column}: ${p.message}`);
    const more = problems.length > 50 ? `\n  ... và ${problems.length - 50} lỗi khác` : '';
    throw Object.assign(
      new PipelineError('plan-import', `Tệp ${file} có ${problems.length} dòng không hiểu được, chưa nạp gì:\n${lines.join('\n')}${more}`),
      { problems },
    );
  }
  if (planned.length === 0) throw new PipelineError('plan-import', `Tệp ${file} không có dòng chỉ tiêu nào. Chưa nạp gì.`);

  const prefix = `${file}, dòng `;
  const fileSlug = toSlug(path.basename(file, path.extname(file))) || 'ke-hoach';
  let replaced = 0;
  const load = sqlite.transaction(() => {
    replaced = sqlite
      .prepare("delete from targets where origin = 'plan-import' and substr(source_ref, 1, length(?)) = ?")
      .run(prefix, prefix).changes;
    const insertDocument = sqlite.prepare(
      `insert into documents (code, so_ky_hieu, kind, issuer, issued_on, issued_year, title, source_file, source_ref)
       values (?, ?, ?, null, null, null, ?, ?, ?) on conflict (code) do nothing`,
    );
    for (const d of newDocuments.values()) {
      const symbol = /\/\s*([\p{L}]+)/u.exec(d.text)?.[1];
      const kind = KIND_BY_SYMBOL[toMatchKey(symbol ?? '')] ?? 'ke_hoach';
      insertDocument.run(d.code, d.text.includes('/') ? d.text : null, kind, `Văn bản ${d.text} (nhập từ ${file})`, file, `${prefix}${d.row}`);
    }
    const insertIndicator = sqlite.prepare(
      `insert into indicators (code, name, name_key, unit, domain, direction, aggregation, parent, source_ref, origin)
       values (?, ?, ?, ?, ?, ?, ?, null, ?, 'plan-import')`,
    );
    for (const [key, i] of newIndicators) {
      insertIndicator.run(i.code, i.name, key, i.unit, i.defaults.domain, i.defaults.direction, i.defaults.aggregation, `${prefix}${i.row}`);
    }
    const insertTarget = sqlite.prepare(
      `insert into targets (id, document, indicator, period, expression, op, lo, hi, unit, per_year, change, share_value, share_of,
         agency, agency_text, source_ref, note, origin)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'plan-import')`,
    );
    for (const t of planned) {
      const p = t.parsed;
      insertTarget.run(
        `${t.document}:${fileSlug}-${t.row}`,
        t.document,
        t.indicator,
        t.period,
        t.expression,
        p.op,
        p.lo,
        p.hi,
        t.unit,
        p.perYear ? 1 : 0,
        p.change,
        p.share?.value ?? null,
        p.share?.of ?? null,
        t.agency,
        t.agencyText,
        `${prefix}${t.row}`,
        p.approxQualifier && p.op !== 'approx' && p.op !== 'approx_range' ? 'khoảng (làm mềm phép so sánh)' : null,
      );
    }
  });
  load.immediate();
  return {
    file,
    targets: planned.length,
    replaced,
    documentsCreated: [...newDocuments.keys()],
    indicatorsCreated: [...newIndicators.values()].map((i) => i.code),
    matches,
  };
}
