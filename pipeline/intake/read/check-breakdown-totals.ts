// Intake stage: checks a total against its "trong đó" parts. A total whose formula cached 0, or a stale value that
// was not recalculated after the parts changed, is refused with its cell instead of loaded (issue: a total cached as
// 0 was loaded as 0). "Trong đó" lists only some parts, so parts summing to less than the total is normal.
import { normalizeUnit } from '../match/convert-unit.ts';
import { cellPlace } from './cell-place.ts';
import { columnLetter, toA1, type SheetView } from './create-sheet-view.ts';
import { readCellNumber } from './read-cell-number.ts';
import type { ReadContext, SheetReading } from './sheet-reading.ts';

/** A total row and the rows of its "trong đó" breakdown (0-based rows). */
export interface BreakdownGroup {
  totalRow: number;
  partRows: number[];
}

/** The rows an A1 formula refers to in one column ("SUM(D11:D12)", "D11+D12"), or null if it refers elsewhere. */
function formulaRows(formula: string, col: string): number[] | null {
  const rows: number[] = [];
  const refs = formula.toUpperCase().replace(/\$/g, '').matchAll(/([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?/g);
  for (const m of refs) {
    if (m[1] !== col || (m[3] && m[3] !== col)) return null;
    const from = Number(m[2]);
    const to = m[4] ? Number(m[4]) : from;
    for (let r = from; r <= to && rows.length < 10_000; r++) rows.push(r - 1);
  }
  return rows.length > 0 ? rows : null;
}

/**
 * For every total with parts, in every figure column: a total smaller than the sum of its parts, or a formula total
 * over exactly those parts whose stored result differs from their sum, is a `total-mismatch` error at the total's
 * cell and its staged figure is taken back out of `out`. Shares and per-head figures (%, ‰, x/người) are not sums.
 */
export function checkBreakdownTotals(view: SheetView, groups: readonly BreakdownGroup[], valueCols: readonly number[], out: SheetReading, ctx: ReadContext): void {
  for (const g of groups) {
    if (g.totalRow < 0 || g.partRows.length === 0) continue;
    for (const c of valueCols) {
      const cellRef = toA1(g.totalRow, c);
      const staged = out.values.find((v) => v.sheet === view.sheet.name && v.cell === cellRef);
      if (!staged) continue;
      const unit = normalizeUnit(ctx.registry.indicators.get(staged.indicator)?.unit ?? '');
      if (unit === '%' || unit === '‰' || unit.includes('/')) continue;
      const parts: number[] = [];
      for (const r of g.partRows) {
        const cell = view.cell(r, c);
        if (!cell) continue;
        const n = readCellNumber(cell, ctx.numberStyle);
        if (n.ok && !n.percent) parts.push(n.value);
      }
      if (parts.length === 0) continue;
      const totalCell = view.cell(g.totalRow, c)!;
      const total = readCellNumber(totalCell, ctx.numberStyle);
      if (!total.ok) continue;
      const sum = parts.reduce((a, b) => a + b, 0);
      const tolerance = Math.max(0.01, Math.abs(sum) * 0.001);
      const overParts = totalCell.f ? formulaRows(totalCell.f, columnLetter(c)) : null;
      const isSumOfParts = overParts !== null && overParts.every((r) => g.partRows.includes(r));
      const smaller = total.value < sum - tolerance;
      const stale = isSumOfParts && Math.abs(total.value - sum) > tolerance;
      if (!smaller && !stale) continue;
      out.values = out.values.filter((v) => v !== staged);
      if (!out.values.some((v) => v.sheet === view.sheet.name && v.row === staged.row)) out.rowsAccepted--;
      const shown = (x: number) => String(Math.round(x * 1e6) / 1e6).replace('.', ',');
      const partsText = g.partRows.map((r) => toA1(r, c)).join(', ');
      out.problems.push({
        ...cellPlace(ctx.fileName, view.sheet.name, g.totalRow + 1, c),
        code: 'total-mismatch',
        severity: 'error',
        message: stale
          ? `Ô tổng ${cellRef} lưu ${shown(total.value)} nhưng công thức =${totalCell.f} cộng các phần "trong đó" (${partsText}) ra ${shown(sum)}: kết quả công thức chưa được tính lại, nên số tổng không được nạp.`
          : `Ô tổng ${cellRef} ghi ${shown(total.value)}, nhỏ hơn tổng các phần "trong đó" (${partsText}) là ${shown(sum)}, nên số tổng không được nạp${totalCell.f ? ' (công thức có thể chưa được tính lại)' : ''}.`,
        action: 'Mở tệp bằng Excel, tính lại (F9) hoặc sửa số tổng cho khớp các phần, lưu rồi gửi lại.',
        value: total.text,
      });
    }
  }
}
