// Registry stage: the name an indicator is shown under, without the word that says how a target is set over a
// window ("bình quân", "hằng năm"): once annual plans merge into the five-year document's indicator, its yearly
// figures are not averages (review finding 8). The report adds "bình quân 2021-2025" where the figure is one.

// A trailing aggregation word (the thesaurus's `aggregation` kind: how a target is set, not a different measure).
const TRAILING_AGGREGATION = /\s+(?:bình quân(?:\s+(?:hằng|hàng)\s+năm|\s*\/\s*năm)?|(?:hằng|hàng)\s+năm)\s*$/iu;

/**
 * "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn (GRDP) bình quân" -> "Tốc độ tăng trưởng tổng sản phẩm trên địa bàn
 * (GRDP)". A "bình quân" inside the name is part of the measure and stays ("GRDP bình quân đầu người").
 */
export function toIndicatorDisplayName(name: string): string {
  const shown = name.normalize('NFC').replace(TRAILING_AGGREGATION, '').trim();
  return shown.length > 0 ? shown : name;
}
