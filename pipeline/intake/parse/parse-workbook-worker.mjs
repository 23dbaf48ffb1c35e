// Intake stage, worker thread: parses one workbook with SheetJS and returns plain cells. Plain JavaScript on purpose:
// a worker thread does not inherit the tsx loader, and this file only needs SheetJS. The main thread kills it on a
// time limit, so a hostile file cannot hang the process.
import { parentPort } from 'node:worker_threads';
import * as XLSX from 'xlsx';
// The code page tables: without them SheetJS reads a BIFF5/BIFF8 .xls declared in code page 1258 (or any other than
// 1252) as Latin-1, and "Thu ngân sách nhà nước" becomes mojibake (field case F4).
import * as cpexcel from 'xlsx/dist/cpexcel.full.mjs';

XLSX.set_cptable(cpexcel);

/**
 * Hidden rows and columns of an OpenDocument spreadsheet: SheetJS does not report them (field case F7c), so they are
 * read from content.xml: `table:visibility="collapse"` (hidden) or `"filter"` (filtered out) on `table:table-row` and
 * `table:table-column`, counting `number-rows-repeated` / `number-columns-repeated`. One entry per sheet, in order.
 */
function readOdsHidden(buffer, limits) {
  let xml;
  try {
    const zip = XLSX.CFB.read(buffer, { type: 'buffer' });
    const entry = XLSX.CFB.find(zip, 'content.xml');
    if (!entry || !entry.content) return [];
    xml = Buffer.from(entry.content).toString('utf8');
  } catch {
    return [];
  }
  const sheets = [];
  let current = null;
  let row = 0;
  let col = 0;
  const tag = /<table:(table-row|table-column|table)(?=[\s/>])([^>]*?)(\/?)>/g;
  const attr = (text, name) => {
    const m = new RegExp(`table:${name}="([^"]*)"`).exec(text);
    return m ? m[1] : null;
  };
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const [, kind, attrs] = m;
    if (kind === 'table') {
      current = { hiddenRows: [], hiddenCols: [] };
      sheets.push(current);
      row = 0;
      col = 0;
      continue;
    }
    if (!current) continue;
    const hidden = /^(collapse|filter)$/.test(attr(attrs, 'visibility') || '');
    if (kind === 'table-row') {
      const n = Math.min(Number(attr(attrs, 'number-rows-repeated') || 1), limits.maxRows + 1);
      if (hidden) for (let i = 0; i < n && row + i < limits.maxRows; i++) current.hiddenRows.push(row + i);
      row += n;
    } else {
      const n = Math.min(Number(attr(attrs, 'number-columns-repeated') || 1), limits.maxCols + 1);
      if (hidden) for (let i = 0; i < n && col + i < limits.maxCols; i++) current.hiddenCols.push(col + i);
      col += n;
    }
  }
  return sheets;
}

function readBook(buffer, limits, text) {
  const wb = XLSX.read(buffer, {
    // Text we decoded ourselves (an HTML table saved as .xls): every cell stays a string, as CSV cells do, because
    // SheetJS's number guessing reads "1.520" as 1.52 (INGEST-NOTES).
    raw: text,
    type: 'buffer',
    dense: true,
    cellStyles: true,
    cellNF: true,
    cellFormula: true,
    cellDates: false,
    cellHTML: false,
    cellText: false,
    sheetRows: limits.maxRows + 1,
    WTF: false,
  });
  const infos = (wb.Workbook && wb.Workbook.Sheets) || [];
  // An ODS package starts with its uncompressed `mimetype` entry (ODF 1.2, 3.3); SheetJS does not set bookType on read.
  // Some writers compress it or put it later: then the package's content.xml without an xl/ workbook tells.
  const isOds =
    buffer.subarray(0, 120).toString('latin1').includes('application/vnd.oasis.opendocument.spreadsheet') ||
    (buffer[0] === 0x50 && buffer[1] === 0x4b && buffer.includes('content.xml') && !buffer.includes('xl/workbook'));
  const odsHidden = isOds ? readOdsHidden(buffer, limits) : [];
  const sheets = [];
  for (let i = 0; i < wb.SheetNames.length; i++) {
    const name = wb.SheetNames[i];
    const ws = wb.Sheets[name];
    const hidden = (infos[i] && infos[i].Hidden) || 0;
    const fullRef = ws['!fullref'] || ws['!ref'];
    let declaredRows = 0;
    let declaredCols = 0;
    if (fullRef) {
      const r = XLSX.utils.decode_range(fullRef);
      declaredRows = r.e.r + 1;
      declaredCols = r.e.c + 1;
    }
    const data = ws['!data'] || [];
    const maxRows = Math.min(data.length, limits.maxRows);
    const rows = [];
    let truncated = declaredRows > limits.maxRows || declaredCols > limits.maxCols;
    for (let r = 0; r < maxRows; r++) {
      const src = data[r];
      const out = [];
      if (src) {
        const n = Math.min(src.length, limits.maxCols);
        if (src.length > limits.maxCols) truncated = true;
        for (let c = 0; c < n; c++) {
          const cell = src[c];
          // A formula saved without its result (tools that do not calculate) arrives as {t:'z', f} or with no value:
          // kept as an error cell with its formula, so the reader names it instead of dropping it (field case F8).
          if (cell && cell.f && (cell.t === 'z' || cell.v === undefined)) {
            out.push({ t: 'e', v: '', f: String(cell.f) });
            continue;
          }
          if (!cell || cell.t === 'z' || (cell.v === undefined && !cell.f)) {
            out.push(null);
            continue;
          }
          const o = { t: cell.t, v: cell.v };
          if (cell.t === 's') o.v = String(cell.v).normalize('NFC');
          if (cell.t === 'd') o.v = cell.v instanceof Date ? cell.v.toISOString() : String(cell.v);
          if (cell.t === 'e') o.v = cell.w || String(cell.v);
          if (cell.v === undefined) {
            o.t = 'e';
            o.v = '';
          }
          if (cell.z && typeof cell.z === 'string') o.z = cell.z;
          if (cell.f) o.f = String(cell.f);
          out.push(o);
        }
      }
      while (out.length && out[out.length - 1] === null) out.pop();
      rows.push(out);
    }
    const merges = (ws['!merges'] || []).slice(0, limits.maxMerges).filter((m) => m.s.r < limits.maxRows && m.s.c < limits.maxCols);
    if ((ws['!merges'] || []).length > limits.maxMerges) truncated = true;
    const hiddenRows = [];
    (ws['!rows'] || []).forEach((row, r) => {
      // A row of height 0 (`<row ht="0" customHeight="1">`) cannot be seen either: hidden to a clerk (issue 12).
      const zeroHeight = row && ((row.hpt !== undefined && row.hpt === 0) || (row.hpx !== undefined && row.hpx === 0));
      if (row && (row.hidden || zeroHeight) && r < limits.maxRows) hiddenRows.push(r);
    });
    const hiddenCols = [];
    (ws['!cols'] || []).forEach((col, c) => {
      if (col && col.hidden && c < limits.maxCols) hiddenCols.push(c);
    });
    const ods = odsHidden[i];
    if (ods) {
      for (const r of ods.hiddenRows) if (!hiddenRows.includes(r)) hiddenRows.push(r);
      for (const c of ods.hiddenCols) if (!hiddenCols.includes(c)) hiddenCols.push(c);
    }
    sheets.push({ name: String(name).normalize('NFC'), hidden, rows, merges, hiddenRows, hiddenCols, truncated, declaredRows, declaredCols });
  }
  const definedNames = {};
  for (const n of (wb.Workbook && wb.Workbook.Names) || []) {
    if (n && n.Name && n.Ref !== undefined && n.Sheet === undefined) definedNames[n.Name] = String(n.Ref);
  }
  const format = (wb.bookType || '').toString();
  return { format, sheets, definedNames, encoding: null };
}

/** A file holding more cells than a report can: refused in the worker, before its cells cross to the main thread. */
class TooLargeError extends Error {
  constructor(cells, maxCells) {
    super(`too many cells: ${cells} > ${maxCells}`);
    this.cells = cells;
    this.maxCells = maxCells;
  }
}

function checkCells(book, limits) {
  let cells = 0;
  for (const sheet of book.sheets) for (const row of sheet.rows) for (const cell of row) if (cell) cells++;
  if (cells > limits.maxCells) {
    // The Vietnamese message is written on the main thread, with the one number formatter (shared/format-number.ts).
    throw new TooLargeError(cells, limits.maxCells);
  }
}

// CSV is read by the project's own TypeScript reader (decoding, separator sniffing: one home for those rules), loaded
// through tsx inside this worker on first use, so that a CSV gets the same time, memory and size bounds as a workbook.
let csvReader = null;
async function readCsv(buffer, sheetName, limits) {
  if (!csvReader) {
    const { register } = await import('tsx/esm/api');
    register();
    csvReader = await import('./read-csv-sheet.ts');
  }
  return csvReader.readCsvSheet(buffer, sheetName, { maxRows: limits.maxRows, maxCols: limits.maxCols });
}

parentPort.on('message', async (msg) => {
  try {
    const buffer = Buffer.from(msg.buffer);
    const book = msg.kind === 'csv' ? await readCsv(buffer, msg.sheetName, msg.limits) : readBook(buffer, msg.limits, msg.text === true);
    checkCells(book, msg.limits);
    parentPort.postMessage({ id: msg.id, ok: true, book });
  } catch (error) {
    const message = String((error && error.message) || error);
    if (error instanceof TooLargeError) parentPort.postMessage({ id: msg.id, ok: false, reason: 'too-large', message, cells: error.cells, maxCells: error.maxCells });
    else if (error && error.name === 'CsvReadError') parentPort.postMessage({ id: msg.id, ok: false, reason: 'csv', message, line: error.line ?? null });
    else parentPort.postMessage({ id: msg.id, ok: false, reason: 'parse', message });
  }
});
