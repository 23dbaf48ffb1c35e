// Shared (all stages): a plain text table for the terminal.

/** Lays rows out in padded columns under a header, for `--format table`. */
export function formatTable(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const widths = columns.map((c) => Math.min(60, Math.max(c.length, ...rows.map((r) => text(r[c]).length))));
  const fit = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  const line = (cells: string[]) => cells.map((c, i) => fit(c, widths[i]!)).join('  ').trimEnd();
  return [line([...columns]), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => text(r[c]))))].join('\n');
}
