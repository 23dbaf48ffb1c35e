// Intake stage, collect phase: the văn thư's arrival register of an inbox (`_received.csv`: file,received_at). The
// date of arrival decides which of an agency's files is the latest, so a line that cannot be read is said, by number.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { decodeCsvText } from '../parse/decode-csv-text.ts';
import type { InboxProblem } from './collect-received-files.ts';
import { escapeControlCharacters } from './escape-control-characters.ts';
import { parseArrivalTime } from './parse-arrival-time.ts';

const REGISTER = '_received.csv';

/** The register as read: arrival time per inbox-relative path (NFC, "/"), its line, and the lines it could not read. */
export interface ReceivedRegister {
  times: Map<string, string>;
  lines: Map<string, number>;
  problems: InboxProblem[];
}

function registerProblem(line: number, message: string): InboxProblem {
  return {
    source: REGISTER,
    agency: null,
    code: 'register-error',
    severity: 'error',
    message: `Dòng ${line} của sổ nhận tệp (${REGISTER}): ${message}; tệp đó được tính theo thời điểm lưu tệp.`,
    action: 'Văn thư sửa dòng này: tên tệp tính từ hộp thư, rồi ngày nhận dạng 05/06/2024 hoặc 05/06/2024 08:30 (giờ Việt Nam).',
    line,
  };
}

/**
 * Reads `<inbox>/_received.csv` when there is one. Dates are day-first or ISO (`parseArrivalTime`); the separator may
 * be `,` or `;` (Excel in a Vietnamese locale); the file may be UTF-8, UTF-16 or Windows-1258 like any agency CSV.
 */
export function readReceivedRegister(inbox: string): ReceivedRegister {
  const out: ReceivedRegister = { times: new Map(), lines: new Map(), problems: [] };
  const file = path.join(inbox, REGISTER);
  if (!fs.existsSync(file)) return out;
  const { text } = decodeCsvText(fs.readFileSync(file));
  const delimiter = (text.split('\n', 1)[0] ?? '').includes(';') ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, max_record_size: 100_000 }) as never;
  } catch (error) {
    const e = error as Error & { lines?: number };
    out.problems.push(registerProblem(e.lines ?? 1, `không đọc được (${e.message})`));
    return out;
  }
  for (const [i, { record, info }] of records.entries()) {
    const line = info.lines;
    const [name = '', when = ''] = record.map((x) => x.trim());
    if (i === 0 && /^(file|tệp|tep|ten tep|tên tệp)$/i.test(name)) continue;
    if (!name && !when) continue;
    const rel = name.normalize('NFC').replace(/\\/g, '/').replace(/^\.\//, '');
    const iso = parseArrivalTime(when);
    if (!rel) out.problems.push(registerProblem(line, 'thiếu tên tệp'));
    else if (!iso) out.problems.push(registerProblem(line, `không hiểu ngày nhận "${escapeControlCharacters(when)}" của tệp "${escapeControlCharacters(rel)}"`));
    else {
      out.times.set(rel, iso);
      out.lines.set(rel, line);
    }
  }
  return out;
}
