// Report stage: a review's outlook: which targets the plan can still reach at the pace observed, and what pace the
// others need (the draft of the narrative's "kha-nang" section).
import { formatNumber } from '../shared/format-number.ts';
import { lowerFirst } from './format/lower-first.ts';
import type { Attainment } from '../reconcile/reconciliation.ts';
import type { ReportContext } from './report-context.ts';

/** The years the outlook targets end in ("2030"), for the heading of the outlook. */
export function outlookYears(ctx: ReportContext): string {
  return [...new Set(ctx.attainments.filter((a) => a.judgement === 'outlook').map((a) => a.targetPeriod.slice(-4)))].sort().join(', ');
}

/** One decimal throughout the outlook (review R1, A1). */
function one(x: number): string {
  // Amounts in the hundreds and more (tỷ đồng, lao động) read without a decimal.
  return Math.abs(x) >= 100 ? formatNumber(x, { decimals: 0 }) : formatNumber(x, { decimals: 1 });
}

/** Whether an indicator is a rate or share whose changes are counted in points (tỷ lệ, tỷ trọng), not a growth rate. */
function inPoints(a: Attainment): boolean {
  // Reconcile says how its paces are measured when it knows (paceMeasure); else a % or ‰ level is in points.
  const measure = (a.projection as { paceMeasure?: string } | null)?.paceMeasure;
  if (measure) return measure === 'points';
  return (a.unit === '%' || a.unit === '‰') && a.aggregation !== 'avg_growth';
}

/** The level the target asks for: the lower bound of a range or "trên/từ" target, the bound of a "dưới" target. */
function goalValue(a: Attainment): number | null {
  return a.lo ?? a.hi ?? null;
}

/** The paces of one outlook row, in the words and units the reader expects. */
interface Paces {
  /** "bình quân 2021-2025 tăng 9,5%/năm", "năm 2025 tăng 0,5 điểm phần trăm". */
  observed: string | null;
  observedValue: number | null;
  /** "8,8%/năm", "1,5 điểm phần trăm". */
  required: string | null;
  requiredValue: number | null;
  /** "%/năm" or "điểm phần trăm" (for a share: "mỗi năm cần tăng thêm khoảng 1,5 điểm phần trăm"). */
  points: boolean;
}

/**
 * The paces observed and needed of an outlook row. Rates and shares are in points a year (reconcile's
 * observedPerYear / requiredPerYear for % and ‰ levels, else from the yearly points and the target); growth rates and
 * levels in %/năm; totals in their unit a year.
 */
export function outlookPaces(a: Attainment): Paces {
  const p = a.projection;
  const none: Paces = { observed: null, observedValue: null, required: null, requiredValue: null, points: false };
  if (!p) return none;
  const pts = [...p.points].sort((x, y) => x.year - y.year);
  const span = pts.length >= 2 ? pts[pts.length - 1]!.year - pts[0]!.year : 0;
  // The years the observed pace averages, as reconcile gives them (observedYears), else the points' span.
  const years = (p as { observedYears?: [number, number] | null }).observedYears;
  const label = years
    ? years[0] === years[1]
      ? `năm ${years[1]}`
      : `bình quân ${years[0]}-${years[1]}`
    : span >= 2
      ? `bình quân ${pts[0]!.year}-${pts[pts.length - 1]!.year}`
      : span === 1
        ? `năm ${pts[pts.length - 1]!.year}`
        : null;
  const several = label?.startsWith('bình quân') ?? false;
  const over = (value: number, unit: string, perYear: string) => {
    // A growth rate's pace, or a total's amount a year, is what it reached ("đạt 7,5%/năm", "đạt 1.300 tỷ đồng/năm");
    // a level's change in % or points is how much it moved ("tăng 12,3%").
    const reached = a.aggregation === 'avg_growth' || (['cumulative', 'count_added'].includes(a.aggregation) && unit !== '%');
    const verb = reached ? 'đạt' : value < 0 ? 'giảm' : 'tăng';
    // A window average of growth rates is the figure Phụ lục I and section I print (7,49): the same precision here,
    // so one figure is never printed two ways in one report (first review of issue 10, finding 18).
    const shown = a.aggregation === 'avg_growth' ? formatNumber(Math.round(Math.abs(value) * 100) / 100) : one(Math.abs(value));
    return label ? `${label} ${verb} ${shown}${unit}${several ? perYear : ''}` : null;
  };
  if (a.aggregation === 'per_year_reduction') {
    const word = a.unit === '‰' ? ' điểm phần nghìn' : ' điểm phần trăm';
    const obs = p.observedRate ?? p.observedPerYear ?? null;
    const req = p.requiredRate ?? p.requiredPerYear ?? null;
    return {
      observed: obs === null || !label ? null : `${label} ${obs >= 0 ? 'giảm' : 'tăng'} ${one(Math.abs(obs))}${word}${several ? '/năm' : ''}`,
      observedValue: obs,
      required: req === null ? null : `${one(req)}${word}`,
      requiredValue: req,
      points: true,
    };
  }
  if (inPoints(a)) {
    const word = a.unit === '‰' ? ' điểm phần nghìn' : ' điểm phần trăm';
    const goal = goalValue(a);
    const remaining = p.remainingYears ? p.remainingYears[1] - p.remainingYears[0] + 1 : null;
    const lastValue = pts[pts.length - 1]?.value;
    const obs = p.observedPerYear ?? (span > 0 ? (pts[pts.length - 1]!.value - pts[0]!.value) / span : null);
    const req = p.requiredPerYear ?? (lastValue !== undefined && goal !== null && remaining ? (goal - lastValue) / remaining : null);
    return {
      observed: obs === null ? null : over(obs, word, '/năm'),
      observedValue: obs,
      required: req === null ? null : `${one(Math.abs(req))}${word}`,
      requiredValue: req,
      points: true,
    };
  }
  const isRate = p.observedRate !== null && p.observedRate !== undefined ? true : p.requiredRate !== null && p.requiredRate !== undefined;
  const unitYear = isRate ? '%/năm' : `${a.unit ? ` ${a.unit}` : ''}/năm`;
  const obs = p.observedRate ?? p.observedPerYear ?? null;
  const req = p.requiredRate ?? p.requiredPerYear ?? null;
  return {
    observed: obs === null ? null : isRate ? over(obs, '%', '/năm') : over(obs, ` ${a.unit}`.trimEnd(), '/năm'),
    observedValue: obs,
    required: req === null ? null : `${one(Math.abs(req))}${unitYear}`,
    requiredValue: req,
    points: false,
  };
}

/**
 * Why a verdict stands (review R1, B3): the pace observed against the pace needed, "bình quân 2021-2025 tăng
 * 9,5%/năm, cao hơn mức cần 8,8%/năm"; for a share, "năm 2025 tăng 0,5 điểm phần trăm, trong khi bình quân mỗi năm
 * cần tăng thêm khoảng 1,5 điểm phần trăm". Null when the projection has neither.
 */
export function outlookReason(a: Attainment): string | null {
  const x = outlookPaces(a);
  if (x.required === null) return x.observed;
  const falling = (x.requiredValue ?? 0) < 0 || a.aggregation === 'per_year_reduction';
  if (x.observed === null || x.observedValue === null || x.requiredValue === null) {
    return `bình quân mỗi năm cần ${falling ? 'giảm' : 'tăng'} ${x.points ? 'thêm khoảng ' : ''}${x.required}`;
  }
  const faster = falling && a.aggregation !== 'per_year_reduction' ? x.observedValue <= x.requiredValue : x.observedValue >= x.requiredValue;
  if (x.points) return faster ? `${x.observed}, cao hơn mức cần khoảng ${x.required} mỗi năm` : `${x.observed}, trong khi bình quân mỗi năm cần ${falling ? 'giảm' : 'tăng'} thêm khoảng ${x.required}`;
  const against = faster ? 'cao hơn' : a.status === 'co_kha_nang_dat' ? 'gần với' : 'thấp hơn';
  return `${x.observed}, ${against} mức cần ${falling ? 'giảm ' : ''}${x.required}`;
}

/** "tỷ lệ đô thị hóa (năm 2025 tăng 0,5 điểm phần trăm, trong khi … )": one target in a verdict paragraph. */
function named(a: Attainment): string {
  const name = /^[A-ZĐ]{2,}/u.test(a.indicatorName) ? a.indicatorName : lowerFirst(a.indicatorName);
  const reason = outlookReason(a);
  return reason ? `${name} ${reason}` : name;
}

/** The last year with a figure of the rows that have one point only: "năm 2025", or null when they differ. */
function singleYear(list: Attainment[]): string | null {
  const years = new Set(list.map((a) => a.projection?.points.map((p) => p.year).sort().at(-1) ?? (a.figurePeriod ?? '').slice(-4)).filter((y) => y !== ''));
  return years.size === 1 ? `năm ${[...years][0]}` : null;
}

/**
 * The outlook of a review (review R1, A1): for the targets that end after the window (judgement "outlook", issue 9),
 * a few paragraphs grouped by verdict, each target with its reason (observed pace against the pace needed, in points a
 * year for rates and shares, %/năm for levels, one decimal); those with a single point in one sentence, their needed
 * pace left to Phụ lục I. The counts are countPeriodTargets'. Empty when there are none.
 */
export function buildOutlookText(ctx: ReportContext): string {
  const apart = ctx.counts.outlook.all.length > 0;
  // A sơ kết whose every target ends later tells them all in section I; its outlook still names the pace each needs.
  const split = apart ? ctx.counts.outlook : ctx.attainments.every((a) => a.judgement === 'outlook') ? ctx.counts.period : ctx.counts.outlook;
  if (split.all.length === 0 || ctx.kind !== 'review') return '';
  const likely = split.judged.filter((a) => a.status === 'co_kha_nang_dat');
  const hard = split.judged.filter((a) => a.status === 'kho_dat');
  const paragraphs = [`Đối với ${formatNumber(split.all.length)} chỉ tiêu có mục tiêu đến năm ${outlookYears(ctx)}, theo tốc độ thực hiện đến nay (chi tiết tại Phụ lục I):`];
  if (likely.length > 0) paragraphs.push(`Có ${formatNumber(likely.length)} chỉ tiêu có khả năng đạt: ${likely.map(named).join('; ')}.`);
  if (hard.length > 0) {
    paragraphs.push(`Có ${formatNumber(hard.length)} chỉ tiêu khó đạt: ${hard.map(named).join('; ')}.`);
  }
  // One point only: no pace to project. A figure that cannot be set against its target (no number, another unit) is
  // told apart, never as "mới có số liệu".
  // Counted under the word Phụ lục I prints for them ("Chưa đủ số liệu dự báo" for chua_du_co_so), so the body and
  // the appendix give the same number (review R4).
  const notYet = split.figureNotJudged.filter((a) => a.status === 'chua_du_co_so');
  const single = notYet.filter((a) => a.projection && a.projection.points.length <= 1);
  const other = split.figureNotJudged.filter((a) => !notYet.includes(a));
  const rest = [
    notYet.length > 0
      ? `${formatNumber(notYet.length)} chỉ tiêu chưa đủ số liệu dự báo` +
        (single.length > 0
          ? ` (${single.length === notYet.length ? (single.length > 1 ? 'đều ' : '') : `trong đó ${formatNumber(single.length)} chỉ tiêu `}mới có số liệu ${singleYear(single) ?? 'của một năm'}; mức cần đạt bình quân mỗi năm nêu tại Phụ lục I)`
          : '')
      : null,
    other.length > 0 ? `${formatNumber(other.length)} chỉ tiêu đã có số liệu nhưng không đánh giá được (mục tiêu không có số hoặc khác đơn vị tính)` : null,
    split.noFigure.length > 0 ? `${formatNumber(split.noFigure.length)} chỉ tiêu chưa có số liệu` : null,
  ].filter((x): x is string => x !== null);
  if (rest.length > 0) paragraphs.push(`Còn ${rest.length > 1 ? `${rest.slice(0, -1).join('; ')} và ${rest[rest.length - 1]}` : rest[0]}.`);
  return paragraphs.join('\n\n');
}
