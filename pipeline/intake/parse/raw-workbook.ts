// Intake stage: the plain shape every reader (SheetJS in a worker, our own CSV reader) hands to the sheet readers.

/** One cell as read, before any interpretation. Numbers keep their format code so "92,75%" cells can be told. */
export interface RawCell {
  /** SheetJS type: n number, s string, b boolean, e error, d date. */
  t: 'n' | 's' | 'b' | 'e' | 'd';
  /** Raw value: number for n, text for s (NFC), boolean for b, error text for e, ISO date for d. */
  v: number | string | boolean;
  /** Number format code ("0.00%"), when the file has one. */
  z?: string;
  /** Formula text, when the cell holds a formula. */
  f?: string;
}

/** A merged area, 0-based inclusive. */
export interface RawRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

/** One sheet as a dense grid (0-based rows and columns). */
export interface RawSheet {
  name: string;
  /** 0 visible, 1 hidden, 2 very hidden. */
  hidden: 0 | 1 | 2;
  /** rows[r][c], null where empty. */
  rows: (RawCell | null)[][];
  merges: RawRange[];
  /** 0-based indexes of hidden rows. */
  hiddenRows: number[];
  /** 0-based indexes of hidden columns. */
  hiddenCols: number[];
  /** True when the sheet was larger than the bound and was cut. */
  truncated: boolean;
  /** Declared size of the sheet (rows x columns) before bounding. */
  declaredRows: number;
  declaredCols: number;
}

/** A whole workbook as read. */
export interface RawWorkbook {
  /** Detected file format: xlsx, xls, ods, csv, html ... */
  format: string;
  sheets: RawSheet[];
  /** Workbook-level defined names (name -> formula text). */
  definedNames: Record<string, string>;
  /** Text encoding of a CSV ("utf-8", "utf-16le", "windows-1258"), null for workbooks. */
  encoding: string | null;
}
