// Shared (all stages): reporting periods and their data cut-off under Nghị định 09/2019/NĐ-CP, Điều 12.
import { PipelineError } from './pipeline-error.ts';
import { lastDayOfMonth, toIsoDate } from './vietnam-time.ts';

/** The kinds of reporting period the department uses. */
export type PeriodKind = 'quarter' | 'half' | 'year' | 'window';

/** A reporting period, resolved from its id ("2024-H1", "2024-Q3", "2024", "2021-2023"). */
export interface Period {
  id: string;
  kind: PeriodKind;
  startYear: number;
  endYear: number;
  /** 1-4 for quarters, 1-2 for halves, null otherwise. */
  part: number | null;
  /** First and last calendar day (ISO), the basis of statistics-office figures. */
  start: string;
  end: string;
  /** Cut-off window of administrative reports (ND 09/2019 Điều 12), ISO dates inclusive. */
  cutoffStart: string;
  cutoffEnd: string;
  /** Vietnamese name for sentences: "6 tháng đầu năm 2024", "năm 2024", "giai đoạn 2021-2023", "quý III năm 2024". */
  label: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

const iso = toIsoDate;

function checkYear(year: number, id: string): number {
  if (year < 1990 || year > 2100) {
    throw new PipelineError('usage', `Kỳ báo cáo "${id}" có năm ${year} ngoài khoảng 1990-2100.`);
  }
  return year;
}

/**
 * Parses a period id. Accepted: `2024` (year), `2024-H1`/`2024-H2` (six months), `2024-Q1`..`2024-Q4` (quarter),
 * `2021-2023` (multi-year review window). Throws a `PipelineError('usage')` naming the text otherwise.
 */
export function parsePeriod(text: string): Period {
  const id = text.trim().toUpperCase();
  let m: RegExpMatchArray | null;
  if ((m = id.match(/^(\d{4})$/))) {
    const y = checkYear(Number(m[1]), text);
    return {
      id,
      kind: 'year',
      startYear: y,
      endYear: y,
      part: null,
      start: iso(y, 1, 1),
      end: iso(y, 12, 31),
      cutoffStart: iso(y - 1, 12, 15),
      cutoffEnd: iso(y, 12, 14),
      label: `năm ${y}`,
    };
  }
  if ((m = id.match(/^(\d{4})-H([12])$/))) {
    const y = checkYear(Number(m[1]), text);
    const h = Number(m[2]);
    return {
      id,
      kind: 'half',
      startYear: y,
      endYear: y,
      part: h,
      start: h === 1 ? iso(y, 1, 1) : iso(y, 7, 1),
      end: h === 1 ? iso(y, 6, 30) : iso(y, 12, 31),
      cutoffStart: h === 1 ? iso(y - 1, 12, 15) : iso(y, 6, 15),
      cutoffEnd: h === 1 ? iso(y, 6, 14) : iso(y, 12, 14),
      label: h === 1 ? `6 tháng đầu năm ${y}` : `6 tháng cuối năm ${y}`,
    };
  }
  if ((m = id.match(/^(\d{4})-Q([1-4])$/))) {
    const y = checkYear(Number(m[1]), text);
    const q = Number(m[2]);
    const firstMonth = (q - 1) * 3 + 1;
    const lastMonth = firstMonth + 2;
    // ND 09/2019: from the 15th of the month before the quarter to the 14th of its last month.
    const cutoffStart = firstMonth === 1 ? iso(y - 1, 12, 15) : iso(y, firstMonth - 1, 15);
    return {
      id,
      kind: 'quarter',
      startYear: y,
      endYear: y,
      part: q,
      start: iso(y, firstMonth, 1),
      end: iso(y, lastMonth, lastDayOfMonth(y, lastMonth)),
      cutoffStart,
      cutoffEnd: iso(y, lastMonth, 14),
      label: `quý ${ROMAN[q - 1]} năm ${y}`,
    };
  }
  if ((m = id.match(/^(\d{4})-(\d{4})$/))) {
    const a = checkYear(Number(m[1]), text);
    const b = checkYear(Number(m[2]), text);
    if (b <= a) {
      throw new PipelineError('usage', `Kỳ báo cáo "${text}": năm cuối phải sau năm đầu.`);
    }
    return {
      id,
      kind: 'window',
      startYear: a,
      endYear: b,
      part: null,
      start: iso(a, 1, 1),
      end: iso(b, 12, 31),
      cutoffStart: iso(a - 1, 12, 15),
      cutoffEnd: iso(b, 12, 14),
      label: `giai đoạn ${a}-${b}`,
    };
  }
  throw new PipelineError(
    'usage',
    `Không hiểu kỳ báo cáo "${text}". Dùng dạng 2024 (năm), 2024-H1 hoặc 2024-H2 (6 tháng), 2024-Q1..2024-Q4 (quý), 2021-2023 (giai đoạn).`,
  );
}

/** The same period one year earlier (cùng kỳ), e.g. 2024-H1 -> 2023-H1; a window shifts by its length. */
export function previousSamePeriod(period: Period): Period {
  switch (period.kind) {
    case 'year':
      return parsePeriod(String(period.startYear - 1));
    case 'half':
      return parsePeriod(`${period.startYear - 1}-H${period.part}`);
    case 'quarter':
      return parsePeriod(`${period.startYear - 1}-Q${period.part}`);
    case 'window': {
      const len = period.endYear - period.startYear + 1;
      return parsePeriod(`${period.startYear - len}-${period.endYear - len}`);
    }
    default: {
      const never: never = period.kind;
      throw new PipelineError('internal', `Loại kỳ không xác định: ${String(never)}`);
    }
  }
}

/** True when `inner` lies inside `outer` by calendar dates (a period lies inside itself). */
export function isPeriodWithin(inner: Period, outer: Period): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}
