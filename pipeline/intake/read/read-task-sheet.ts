// Intake stage: reads a sheet of tasks and their progress (nhiệm vụ | tình hình thực hiện) and matches each row to
// the registry's tasks and schemes.
import { cellPlace } from './cell-place.ts';
import { toMatchKey } from '../../shared/to-match-key.ts';
import { columnLetter, type SheetView } from './create-sheet-view.ts';
import { readTaskStatus, type TaskMatcher } from '../match/create-task-matcher.ts';
import type { HeaderLayout } from './find-header.ts';
import { emptyReading, type ReadContext, type SheetReading } from './sheet-reading.ts';

const FOOTER = /^(ghi chu|nguoi lap|thu truong|giam doc|kt giam doc|tm|kt|noi nhan|ky ghi ro ho ten)\b/;

/** Reads task progress rows under a header whose columns are task, progress and maybe status and code. */
export function readTaskSheet(view: SheetView, layout: HeaderLayout, ctx: ReadContext, matcher: TaskMatcher): SheetReading {
  const out = emptyReading();
  const sheet = view.sheet.name;
  const find = (type: string) => layout.columns.findIndex((r) => r.type === type);
  const taskCol = find('task');
  const progressCol = find('progress');
  const statusCol = find('status');
  const codeCol = find('code');
  const seen = new Map<string, string>();
  for (let r = layout.dataStart; r < view.rowCount; r++) {
    const texts = view.rowTexts(r);
    if (texts.every((t) => t === '')) continue;
    const rowNo = r + 1;
    const title = view.ownText(r, taskCol);
    const progress = progressCol >= 0 ? view.ownText(r, progressCol) : '';
    const statusText = statusCol >= 0 ? view.ownText(r, statusCol) : '';
    if (FOOTER.test(toMatchKey(texts.filter(Boolean).join(' ')))) break;
    if (!title || (!progress && !statusText)) continue;
    if (view.isHiddenRow(r)) continue;
    out.rowsRead++;
    const code = codeCol >= 0 ? view.ownText(r, codeCol) : null;
    const m = matcher.match(title, ctx.agency, code);
    const cell = `${columnLetter(taskCol)}${rowNo}`;
    if (m.type !== 'match') {
      out.problems.push({
        ...cellPlace(ctx.fileName, sheet, rowNo, taskCol),
        code: 'unknown-task',
        severity: 'error',
        message:
          m.type === 'ambiguous'
            ? `Nhiệm vụ "${title}" giống nhiều nhiệm vụ trong kế hoạch: ${m.candidates.map((t) => t.id).join(', ')}.`
            : `Không nhận ra nhiệm vụ "${title}" trong danh mục nhiệm vụ, đề án của kế hoạch.`,
        action: 'Ghi tên nhiệm vụ như trong kế hoạch (hoặc mã nhiệm vụ trong biểu mẫu của Sở).',
        value: title,
        rowData: texts,
      });
      continue;
    }
    const first = seen.get(m.task.id);
    if (first) {
      out.problems.push({
        ...cellPlace(ctx.fileName, sheet, rowNo, taskCol),
        code: 'duplicate-row',
        severity: 'warning',
        message: `Nhiệm vụ ${m.task.id} đã báo cáo ở ô ${first}; dòng này không được nạp.`,
        action: 'Gộp tình hình thực hiện của một nhiệm vụ vào một dòng.',
        value: title,
        rowData: texts,
      });
      continue;
    }
    seen.set(m.task.id, cell);
    const progressCell = progressCol >= 0 ? `${columnLetter(progressCol)}${rowNo}` : cell;
    out.tasks.push({
      taskId: m.task.id,
      status: readTaskStatus(statusText) ?? readTaskStatus(progress),
      progressText: progress || statusText,
      sheet,
      cell: progressCell,
    });
    out.rowsAccepted++;
  }
  return out;
}
