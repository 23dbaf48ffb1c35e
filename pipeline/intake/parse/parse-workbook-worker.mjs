// Intake stage, worker thread: parses one workbook with SheetJS and returns plain cells. Plain JavaScript on purpose:
// a worker thread does not inherit the tsx loader, and this file only needs SheetJS. The main thread kills it on a
// time limit, so a hostile file cannot hang the process.
import { parentPort } from 'node:worker_threads';
import * as XLSX from 'xlsx';

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
