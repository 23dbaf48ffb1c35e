// Intake stage: converts a value from the unit an agency wrote to the indicator's unit (triệu đồng -> tỷ đồng ...).
import { toMatchKey } from '../../shared/to-match-key.ts';

/** The converted value, or why the units do not convert. */
export type UnitConversion = { ok: true; value: number; factor: number } | { ok: false; reason: string };

// Scales within one family: money in đồng, money in USD, ratios, people, area. Keys are `normalizeUnit` output.
const SCALES: Record<string, { family: string; scale: number }> = {
  'dong': { family: 'vnd', scale: 1 },
  'nghin dong': { family: 'vnd', scale: 1e3 },
  'trieu dong': { family: 'vnd', scale: 1e6 },
  'ty dong': { family: 'vnd', scale: 1e9 },
  'nghin ty dong': { family: 'vnd', scale: 1e12 },
  'usd': { family: 'usd', scale: 1 },
  'nghin usd': { family: 'usd', scale: 1e3 },
  'trieu usd': { family: 'usd', scale: 1e6 },
  'ty usd': { family: 'usd', scale: 1e9 },
  '%': { family: 'ratio', scale: 1e-2 },
  '‰': { family: 'ratio', scale: 1e-3 },
  'nguoi': { family: 'people', scale: 1 },
  'nghin nguoi': { family: 'people', scale: 1e3 },
  'ha': { family: 'area', scale: 1 },
  'nghin ha': { family: 'area', scale: 1e3 },
  'km2': { family: 'area', scale: 100 },
};

const SYNONYMS: [RegExp, string][] = [
  [/^(tr d|tr dong|trd|trieu d|tr vnd|trieu vnd)$/, 'trieu dong'],
  [/^(ty|ty d|ti dong|ti|ty vnd|ti d)$/, 'ty dong'],
  [/^(nghin ty|nghin ty d|ngan ty dong|ngan ty)$/, 'nghin ty dong'],
  [/^(ngan dong|nghin d|1000 dong|1 000 dong)$/, 'nghin dong'],
  [/^(vnd|d|vn dong)$/, 'dong'],
  [/^(trieu do la my|tr usd|trieu usd|trieu do la|tr do la)$/, 'trieu usd'],
  [/^(nghin do la my|ngan usd|nghin do la)$/, 'nghin usd'],
  [/^(do la my|do la|us)$/, 'usd'],
  [/^(ty le|phan tram|percent|ty le phan tram)$/, '%'],
  [/^(phan nghin|permille)$/, '‰'],
  [/^(hecta|hec ta|hec)$/, 'ha'],
  [/^(ngan nguoi|nghin ng)$/, 'nghin nguoi'],
];

/** Normalises a unit text to a comparison key: "Tỷ đồng" -> "ty dong", "%" -> "%", "Tr.đ/người" -> "trieu dong/nguoi". */
export function normalizeUnit(unit: string): string {
  const hit = unitKeys.get(unit);
  if (hit !== undefined) return hit;
  const key = foldUnit(unit);
  if (unitKeys.size < 10_000) unitKeys.set(unit, key);
  return key;
}

// Units repeat on every row of a file: fold each distinct text once.
const unitKeys = new Map<string, string>();

function foldUnit(unit: string): string {
  const text = unit.normalize('NFC').trim().replace(/^\((.*)\)$/, '$1').replace(/^(đvt|đơn vị tính|đơn vị)\s*:?\s*/i, '');
  const parts = text.split('/').map((p) => {
    const t = p.trim();
    if (t === '%' || t === '‰') return t;
    if (/^%/.test(t)) return '%';
    const key = toMatchKey(t);
    for (const [re, to] of SYNONYMS) if (re.test(key)) return to;
    return key;
  });
  return parts.join('/');
}

/** True when the unit text says nothing (blank, "-", "x"). */
export function isBlankUnit(unit: string | null | undefined): boolean {
  return !unit || /^[\s\-x–]*$/i.test(unit);
}

/**
 * Converts `value` from unit `from` to unit `to`. Same key: unchanged. Same family (money, ratio, people, area,
 * also per-person money such as triệu đồng/người vs nghìn đồng/người): scaled. Otherwise not convertible.
 */
export function convertUnit(value: number, from: string, to: string): UnitConversion {
  const a = normalizeUnit(from);
  const b = normalizeUnit(to);
  if (a === b) return { ok: true, value, factor: 1 };
  const [an, ad] = a.split('/', 2) as [string, string | undefined];
  const [bn, bd] = b.split('/', 2) as [string, string | undefined];
  if ((ad ?? '') === (bd ?? '')) {
    const sa = SCALES[an];
    const sb = SCALES[bn];
    if (sa && sb && sa.family === sb.family) {
      const factor = sa.scale / sb.scale;
      // Round away binary noise (12.65 triệu -> 0.01265 tỷ must not print as 0.012650000000000001).
      return { ok: true, value: Number((value * factor).toPrecision(12)), factor };
    }
    // Counting units: "giường" and "giường bệnh", "DN" and "doanh nghiệp" are the same thing counted.
    if (!sa && !sb && (an.startsWith(bn) || bn.startsWith(an))) return { ok: true, value, factor: 1 };
  }
  return { ok: false, reason: `đơn vị "${from}" không đổi được sang "${to}"` };
}

/** True when a text is a unit: one of the scaled units, or the indicator's own unit. */
export function isKnownUnit(text: string, indicatorUnit: string): boolean {
  const key = normalizeUnit(text);
  const [numerator] = key.split('/');
  return key === normalizeUnit(indicatorUnit) || SCALES[numerator ?? ''] !== undefined;
}
