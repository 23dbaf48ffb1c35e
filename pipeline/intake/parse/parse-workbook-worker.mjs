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

function readBook(buffer, limits) {
  const wb = XLSX.read(buffer, {
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
  const isOds = buffer.subarray(0, 120).toString('latin1').includes('application/vnd.oasis.opendocument.spreadsheet');
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
      if (row && row.hidden && r < limits.maxRows) hiddenRows.push(r);
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

parentPort.on('message', (msg) => {
  try {
    const book = readBook(Buffer.from(msg.buffer), msg.limits);
    parentPort.postMessage({ id: msg.id, ok: true, book });
  } catch (error) {
    parentPort.postMessage({ id: msg.id, ok: false, message: String((error && error.message) || error) });
  }
});
