// Registry stage: reads the target phrase of a plan document ("Trên 7.800", "Khoảng 50-52", "từ 60 xã trở lên")
// into an operator, its bounds and a unit, and refuses any phrase it cannot read for certain.
import { parseVietnameseNumber, VietnameseNumberError } from './parse-vietnamese-number.ts';

/** How a target bounds the value: a comparison, an equality, an approximation or a range. */
export type TargetOp = 'gt' | 'gte' | 'lt' | 'lte' | 'eq' | 'approx' | 'range' | 'approx_range';

/** A share stated in brackets after the target: "ít nhất 60 xã (70,6% số xã)". */
export interface TargetShare {
  value: number;
  unit: '%';
  /** What the share is of, as written ("số xã"). */
  of: string;
}

/** The reading of one target phrase. */
export interface ParsedTarget {
  op: TargetOp;
  /** Lower bound: set for gt, gte, eq, approx, range, approx_range; null for lt and lte. */
  lo: number | null;
  /** Upper bound: set for lt, lte, range, approx_range; equal to `lo` for eq and approx; null for gt and gte. */
  hi: number | null;
  /** Canonical unit ('%', 'tỷ đồng', 'xã', 'triệu đồng/người' ...) from the text, else from `opts.unit`, else null. */
  unit: string | null;
  /** The target is per year: "/năm", "mỗi năm", "hằng năm", "bình quân/năm". */
  perYear: boolean;
  /** The target is a change of the indicator ("giảm 3-4%/năm", "tăng từ 10,3%", "có thêm 08 xã"), else null. */
  change: 'increase' | 'decrease' | null;
  /** "khoảng" is in the phrase, also where it only softens a comparison ("khoảng trên 60" is gt with this set). */
  approxQualifier: boolean;
  /** The bracketed share, if any. */
  share: TargetShare | null;
}

/** Options of {@link parseTargetExpression}. */
export interface ParseTargetExpressionOptions {
  /**
   * The unit given beside the phrase, e.g. the "Đơn vị" column of an appendix table ("Tỷ đồng", "Giường bệnh").
   * Used when the phrase names no unit; a phrase naming a different unit is refused ("triệu đồng" beside
   * "triệu đồng/người" is not different: the phrase's own unit is returned).
   * @default undefined (no unit beside the phrase)
   */
  unit?: string;
}

/** A target phrase that cannot be read for certain. `text` is the phrase as given, `reason` says why (Vietnamese). */
export class TargetExpressionError extends Error {
  override readonly name = 'TargetExpressionError';

  constructor(
    readonly text: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Không hiểu biểu thức chỉ tiêu "${text}": ${reason}`, options);
  }
}

type Comparator = 'gt' | 'gte' | 'lt' | 'lte';

/** Throws the TargetExpressionError of the phrase being read. */
type Fail = (reason: string, cause?: unknown) => never;

/** What a word or phrase of the lexicon means. */
type Meaning =
  | { kind: 'comparator'; op: Comparator }
  | { kind: 'approx' }
  | { kind: 'from' }
  | { kind: 'to' }
  | { kind: 'bound'; op: 'gte' | 'lte' }
  | { kind: 'change'; change: 'increase' | 'decrease' }
  | { kind: 'perYear' }
  | { kind: 'filler' }
  | { kind: 'unit'; unit: string };

type Token =
  | (Meaning & { text: string })
  | { kind: 'number'; value: number; text: string }
  | { kind: 'dash'; text: string }
  | { kind: 'population'; text: string };

/** Spellings of units (lower case, NFC) and the canonical unit each stands for. */
const UNIT_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  '%': '%',
  '‰': '‰',
  'tỷ đồng': 'tỷ đồng',
  'tỉ đồng': 'tỷ đồng',
  'triệu đồng': 'triệu đồng',
  'triệu đồng/người': 'triệu đồng/người',
  'tỷ usd': 'tỷ USD',
  'triệu usd': 'triệu USD',
  usd: 'USD',
  ha: 'ha',
  hecta: 'ha',
  'héc ta': 'ha',
  km: 'km',
  người: 'người',
  xã: 'xã',
  huyện: 'huyện',
  'đơn vị cấp huyện': 'huyện',
  thôn: 'thôn',
  hộ: 'hộ',
  'lao động': 'lao động',
  giường: 'giường',
  'giường bệnh': 'giường',
  'bác sĩ': 'bác sĩ',
  tuổi: 'tuổi',
  'sản phẩm': 'sản phẩm',
  'doanh nghiệp': 'doanh nghiệp',
  'đảng viên': 'đảng viên',
  'tiêu chí': 'tiêu chí',
  năm: 'năm',
});

/** Words around the figure, lower case. Longest match wins, so "khoảng trên" is read before "khoảng". */
const WORDS: Readonly<Record<string, Meaning>> = Object.freeze({
  trên: { kind: 'comparator', op: 'gt' },
  hơn: { kind: 'comparator', op: 'gt' },
  vượt: { kind: 'comparator', op: 'gt' },
  'vượt trên': { kind: 'comparator', op: 'gt' },
  'vượt quá': { kind: 'comparator', op: 'gt' },
  dưới: { kind: 'comparator', op: 'lt' },
  'tối thiểu': { kind: 'comparator', op: 'gte' },
  'ít nhất': { kind: 'comparator', op: 'gte' },
  'không dưới': { kind: 'comparator', op: 'gte' },
  'không thấp hơn': { kind: 'comparator', op: 'gte' },
  'không ít hơn': { kind: 'comparator', op: 'gte' },
  'tối đa': { kind: 'comparator', op: 'lte' },
  'không quá': { kind: 'comparator', op: 'lte' },
  'không vượt quá': { kind: 'comparator', op: 'lte' },
  'không cao hơn': { kind: 'comparator', op: 'lte' },
  khoảng: { kind: 'approx' },
  'xấp xỉ': { kind: 'approx' },
  từ: { kind: 'from' },
  đến: { kind: 'to' },
  tới: { kind: 'to' },
  'trở lên': { kind: 'bound', op: 'gte' },
  'trở xuống': { kind: 'bound', op: 'lte' },
  tăng: { kind: 'change', change: 'increase' },
  'tăng thêm': { kind: 'change', change: 'increase' },
  thêm: { kind: 'change', change: 'increase' },
  giảm: { kind: 'change', change: 'decrease' },
  '/năm': { kind: 'perYear' },
  'mỗi năm': { kind: 'perYear' },
  'hàng năm': { kind: 'perYear' },
  'hằng năm': { kind: 'perYear' },
  'bình quân/năm': { kind: 'perYear' },
  'bình quân mỗi năm': { kind: 'perYear' },
  'bình quân hàng năm': { kind: 'perYear' },
  'bình quân hằng năm': { kind: 'perYear' },
  // Verbs and particles that carry no meaning for the bound: "đạt 30%", "phấn đấu có thêm", "còn dưới 51‰".
  đạt: { kind: 'filler' },
  'phấn đấu': { kind: 'filler' },
  'bình quân': { kind: 'filler' },
  'duy trì': { kind: 'filler' },
  có: { kind: 'filler' },
  còn: { kind: 'filler' },
  được: { kind: 'filler' },
  chiếm: { kind: 'filler' },
  'ở mức': { kind: 'filler' },
  ...Object.fromEntries(Object.entries(UNIT_ALIASES).map(([alias, unit]) => [alias, { kind: 'unit', unit }])),
});

const LEXICON: ReadonlyArray<readonly [string, Meaning]> = Object.entries(WORDS).sort(
  ([a], [b]) => b.length - a.length,
);

// What a percentage after the figure may be of ("trên 90% hộ dân tộc thiểu số", "(70,6% số xã)"). Only these heads
// are accepted so that a word changing the meaning ("60% so với ...") is never taken as the base of the share.
const POPULATION_HEADS = [
  'số', 'hộ', 'xã', 'phường', 'thị trấn', 'thôn', 'làng', 'huyện', 'dân số', 'dân cư', 'người', 'lao động',
  'trẻ em', 'trường', 'cơ sở', 'doanh nghiệp', 'diện tích', 'tổng', 'giá trị', 'grdp',
];
// Words that would change the bound if they sat in the base of a percentage.
const POPULATION_FORBIDDEN = new Set([
  'không', 'trên', 'dưới', 'khoảng', 'tối', 'ít', 'giảm', 'tăng', 'hơn', 'vượt', 'từ', 'đến', 'tới', 'hoặc',
  'trở', 'chưa', 'quá', 'so', 'mỗi', 'hàng', 'hằng', 'năm', 'bình', 'thêm',
]);

const LETTER = /[\p{L}\p{M}]/u;

function isYear(digits: string): boolean {
  const y = Number(digits);
  return digits.length === 4 && y >= 1900 && y <= 2100;
}

/** Lower case, NFC, one space between words, one kind of dash, no closing punctuation. */
function normalize(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[.;:,]+$/u, '')
    .trim();
}

/** The canonical form of a unit written beside the phrase; an unknown unit is kept as written (normalized). */
function canonicalUnit(raw: string): { unit: string; perYear: boolean } | null {
  const key = normalize(raw);
  if (key === '') return null;
  if (key.endsWith('/năm')) {
    const base = key.slice(0, -'/năm'.length).trim();
    return { unit: UNIT_ALIASES[base] ?? base, perYear: true };
  }
  return { unit: UNIT_ALIASES[key] ?? key, perYear: false };
}

/** Validates the base of a percentage; returns null when `text` does not start like one. */
function readPopulation(text: string): { ok: true } | { ok: false; reason: string } | null {
  const head = POPULATION_HEADS.find((h) => text.startsWith(h) && !LETTER.test(text.charAt(h.length)));
  if (head === undefined) return null;
  if (!/^[\p{L}\p{M} ,]+$/u.test(text)) {
    return { ok: false, reason: `phần sau dấu % ("${text}") có số hoặc ký tự lạ` };
  }
  const bad = text.split(/[ ,]+/u).find((w) => POPULATION_FORBIDDEN.has(w));
  if (bad !== undefined) return { ok: false, reason: `phần sau dấu % ("${text}") có từ "${bad}" làm đổi nghĩa` };
  return { ok: true };
}

function matchLexicon(rest: string): readonly [string, Meaning] | undefined {
  return LEXICON.find(([phrase]) => {
    if (!rest.startsWith(phrase)) return false;
    // "ha" must not match the start of "hai", "trên" must not match inside a longer word.
    return !LETTER.test(phrase.slice(-1)) || !LETTER.test(rest.charAt(phrase.length));
  });
}

/**
 * Splits a bracket at the end off the phrase. It may only hold the share of the target ("(70,6% số xã)"); a second
 * target inside ("(trong đó, đào tạo nghề trên 44%)", "(tương đương trên 3.000 USD)") must get its own row, not be
 * dropped, so it fails.
 */
function splitShare(s: string, text: string, fail: Fail): { rest: string; share: TargetShare | null } {
  const bracket = /^(.*?) ?\(([^()]*)\)$/u.exec(s);
  if (bracket === null) return { rest: s, share: null };
  const inner = (bracket[2] ?? '').trim();
  const shareMatch = /^(\d+(?:[.,]\d+)*) ?% (.+)$/u.exec(inner);
  const raw = shareMatch?.[1];
  const of = shareMatch?.[2];
  const population = of === undefined ? null : readPopulation(of);
  if (raw === undefined || of === undefined || population === null || !population.ok) {
    // Quote the bracket as the caller wrote it, not in its normalized lower case.
    const written = /\(([^()]*)\)[\s.;:,]*$/u.exec(text.normalize('NFC'))?.[1]?.replace(/\s+/gu, ' ').trim() ?? inner;
    return fail(
      `phần trong ngoặc "(${written})" không phải tỷ lệ kèm theo (như "(70,6% số xã)"); ` +
        'tách chỉ tiêu trong ngoặc thành dòng riêng',
    );
  }
  try {
    return { rest: (bracket[1] ?? '').trim(), share: { value: parseVietnameseNumber(raw), unit: '%', of } };
  } catch (error) {
    if (!(error instanceof VietnameseNumberError)) throw error;
    return fail(`số "${raw}" trong ngoặc ${error.reason}`, error);
  }
}

/** Removes the year or window of the target ("đến năm 2030", "giai đoạn 2021-2025"): it is never the value. */
function stripTimeQualifiers(s: string): string {
  return s
    .replace(/(^| )(?:giai đoạn|thời kỳ) (\d{4}) ?- ?(\d{4}),?(?= |$)/gu, (m, pre: string, a: string, b: string) =>
      isYear(a) && isYear(b) ? pre : m,
    )
    .replace(/(^| )(?:(?:đến hết|đến|vào|trong|tới) )?năm (\d{4}),?(?= |$)/gu, (m, pre: string, y: string) =>
      isYear(y) ? pre : m,
    )
    .replace(/ +/gu, ' ')
    .trim();
}

function scan(s: string, fail: Fail): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const rest = s.slice(i);
    if (rest.startsWith(' ')) {
      i += 1;
      continue;
    }
    const number = /^\d+(?:[.,]\d+)*/u.exec(rest)?.[0];
    if (number !== undefined) {
      try {
        tokens.push({ kind: 'number', value: parseVietnameseNumber(number), text: number });
      } catch (error) {
        if (!(error instanceof VietnameseNumberError)) throw error;
        fail(`số "${number}" ${error.reason}`, error);
      }
      i += number.length;
      continue;
    }
    if (rest.startsWith('-')) {
      tokens.push({ kind: 'dash', text: '-' });
      i += 1;
      continue;
    }
    const previous = tokens.at(-1);
    if (previous?.kind === 'unit' && (previous.unit === '%' || previous.unit === '‰') && !rest.startsWith('trở ')) {
      // "trên 90% hộ dân tộc thiểu số", "20% hộ dân tộc thiểu số trở lên": the base belongs to the indicator.
      const split = /^(.*?)(?: (trở lên|trở xuống))?$/u.exec(rest);
      const base = split?.[1] ?? rest;
      const population = readPopulation(base);
      if (population !== null) {
        if (!population.ok) fail(population.reason);
        tokens.push({ kind: 'population', text: base });
        const bound = split?.[2];
        if (bound !== undefined) tokens.push({ kind: 'bound', op: bound === 'trở lên' ? 'gte' : 'lte', text: bound });
        break;
      }
    }
    const entry = matchLexicon(rest);
    if (entry !== undefined) {
      const [phrase, meaning] = entry;
      tokens.push({ ...meaning, text: phrase });
      i += phrase.length;
      continue;
    }
    const unknown = /^[\p{L}\p{M}]+/u.exec(rest)?.[0];
    if (unknown !== undefined) fail(`từ "${unknown}" không rõ nghĩa ở đây`);
    fail(`ký tự "${rest.charAt(0)}" không đúng chỗ`);
  }
  return tokens;
}

/**
 * Reads a target phrase as the plan documents write it: "Trên 10", "Khoảng 50-52", "khoảng trên 60",
 * "từ 12.650 tỷ đồng trở lên", "giảm bình quân 3-4%/năm", "ít nhất 60 xã (70,6% số xã)", "duy trì 64%".
 *
 * Case and spacing do not matter. Words that carry no meaning for the bound ("đạt", "phấn đấu", "bình quân", "có",
 * "còn", "duy trì") are skipped, and so are time qualifiers ("đến năm 2030", "vào năm 2025", "giai đoạn 2021-2025"):
 * a four-digit year after "năm" is never the value. After a percentage, the base it is of ("trên 90% hộ dân tộc
 * thiểu số") is allowed when it starts with a known head ("số", "hộ", "xã", "GRDP" ...) and is skipped.
 *
 * It never guesses: a phrase with no number, two numbers that are not a range, an unknown word, comparison words
 * that disagree ("từ 1-2 tiêu chí trở lên"), a bracket that is not a share ("(trong đó ...)", "(tương đương ...)"),
 * or a unit that disagrees with `opts.unit` throws {@link TargetExpressionError}.
 *
 * @param text the phrase, verbatim from the document (the cell of the target column, for tables).
 * @param opts the unit written beside the phrase, if any.
 * @returns the operator, bounds, unit and qualifiers.
 * @throws {TargetExpressionError} naming the text and the reason, when the phrase cannot be read for certain.
 */
export function parseTargetExpression(text: string, opts: ParseTargetExpressionOptions = {}): ParsedTarget {
  const fail: Fail = (reason, cause) => {
    throw new TargetExpressionError(text, reason, cause === undefined ? undefined : { cause });
  };

  let s = normalize(text);
  if (s === '') fail('chuỗi rỗng');

  const { rest, share } = splitShare(s, text, fail);
  if (/[()]/u.test(rest)) fail('dấu ngoặc chỉ được dùng cho tỷ lệ ở cuối (như "(70,6% số xã)")');
  s = stripTimeQualifiers(rest);

  if (!/\d/u.test(s)) fail('không có con số nào');
  const tokens = scan(s, fail);
  const numberAt = tokens.flatMap((t, index) => (t.kind === 'number' ? [index] : []));
  if (numberAt.length === 0) fail('không có con số nào');
  if (numberAt.length > 2) fail(`có ${numberAt.length} con số, không rõ số nào là chỉ tiêu`);
  const first = numberAt[0] ?? 0;
  const last = numberAt.at(-1) ?? 0;
  const isRange = numberAt.length === 2;

  const prefix = tokens.slice(0, first);
  const middle = tokens.slice(first + 1, last);
  const suffix = tokens.slice(last + 1);

  for (const t of prefix) {
    if (!['comparator', 'approx', 'from', 'change', 'perYear', 'filler'].includes(t.kind)) {
      fail(`"${t.text}" không được đứng trước con số`);
    }
  }
  let unitOfFirst: string | null = null;
  if (isRange) {
    const rest = [...middle];
    const head = rest[0];
    if (head?.kind === 'unit') {
      unitOfFirst = head.unit;
      rest.shift();
    }
    if (rest.length !== 1 || (rest[0]?.kind !== 'dash' && rest[0]?.kind !== 'to')) {
      fail('hai con số không nối với nhau bằng "-" hay "đến": không rõ số nào là chỉ tiêu');
    }
  }
  let unitOfLast: string | null = null;
  for (const [index, t] of suffix.entries()) {
    if (t.kind === 'unit' && index === 0) unitOfLast = t.unit;
    else if (t.kind !== 'perYear' && t.kind !== 'bound' && t.kind !== 'population') {
      fail(`"${t.text}" không được đứng sau con số`);
    }
  }

  const comparators = new Set<Comparator>();
  for (const t of [...prefix, ...suffix]) {
    if (t.kind === 'comparator' || t.kind === 'bound') comparators.add(t.op);
  }
  const hasFrom = prefix.some((t) => t.kind === 'from');
  const hasBound = suffix.some((t) => t.kind === 'bound');
  const approxQualifier = prefix.some((t) => t.kind === 'approx');

  const values = numberAt.map((index) => {
    const t = tokens[index];
    return t?.kind === 'number' ? t.value : Number.NaN;
  });
  let op: TargetOp;
  let lo: number | null;
  let hi: number | null;
  if (isRange) {
    const [a = Number.NaN, b = Number.NaN] = values;
    const [rawA, rawB] = numberAt.map((index) => tokens[index]?.text ?? '');
    if (comparators.size > 0) {
      const words = [...prefix, ...suffix].filter((t) => t.kind === 'comparator' || t.kind === 'bound');
      fail(`hai số ${rawA}-${rawB} đi cùng "${words.map((t) => t.text).join('", "')}": không rõ cận nào là chỉ tiêu`);
    }
    if (!(a < b)) fail(`cận dưới ${rawA} phải nhỏ hơn cận trên ${rawB}`);
    op = approxQualifier ? 'approx_range' : 'range';
    lo = a;
    hi = b;
  } else {
    const value = values[0] ?? Number.NaN;
    if (hasFrom && !hasBound) fail('"từ" phải đi với "trở lên", "trở xuống" hoặc "đến"');
    if (comparators.size > 1) fail(`các từ so sánh mâu thuẫn nhau (${[...comparators].join(', ')})`);
    const comparator = [...comparators][0];
    op = comparator ?? (approxQualifier ? 'approx' : 'eq');
    lo = op === 'lt' || op === 'lte' ? null : value;
    hi = op === 'gt' || op === 'gte' ? null : value;
  }

  const changes = new Set(prefix.flatMap((t) => (t.kind === 'change' ? [t.change] : [])));
  if (changes.size > 1) fail('vừa "tăng" vừa "giảm"');

  const fromOpts = opts.unit === undefined ? null : canonicalUnit(opts.unit);
  if (unitOfFirst !== null && unitOfLast !== null && unitOfFirst !== unitOfLast) {
    fail(`hai đầu khoảng có đơn vị khác nhau ("${unitOfFirst}", "${unitOfLast}")`);
  }
  const textUnit = unitOfLast ?? unitOfFirst;
  // "70 triệu đồng" beside a "triệu đồng/người" column is the same unit, only less precise about what it is per.
  const sameBase = (a: string, b: string): boolean => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
  if (textUnit !== null && fromOpts !== null && !sameBase(textUnit, fromOpts.unit)) {
    fail(`đơn vị trong biểu thức ("${textUnit}") khác đơn vị ghi kèm ("${fromOpts.unit}")`);
  }

  return {
    op,
    lo,
    hi,
    unit: textUnit ?? fromOpts?.unit ?? null,
    perYear: tokens.some((t) => t.kind === 'perYear') || (fromOpts?.perYear ?? false),
    change: [...changes][0] ?? null,
    approxQualifier,
    share,
  };
}
