// Registry stage: the confirmation file of `plan import --confirm FILE`: staff's decision, per plan row name, that it
// is an existing indicator (its code) or a new measure ("mới"). A CSV with the columns "Chỉ tiêu" and "Mã chỉ tiêu".
import { PipelineError } from '../shared/pipeline-error.ts';
import { readCsvFile } from '../shared/read-csv-file.ts';
import { toMatchKey } from '../shared/to-match-key.ts';
import { NEW_INDICATOR } from './import-plan.ts';

/**
 * Reads a confirmation file into folded name -> indicator code, or NEW_INDICATOR where the file says "mới".
 * @throws PipelineError('plan-import') naming the line of a row without a name or a decision, or of a name given twice
 */
export function readPlanConfirmations(file: string): Map<string, string> {
  const decisions = new Map<string, string>();
  const problems: string[] = [];
  for (const rec of readCsvFile(file, ['Chỉ tiêu', 'Mã chỉ tiêu'])) {
    const name = rec.fields['Chỉ tiêu'] ?? '';
    const decision = rec.fields['Mã chỉ tiêu'] ?? '';
    const key = toMatchKey(name);
    if (!key || !decision) {
      problems.push(`dòng ${rec.line}: cần cả tên chỉ tiêu và mã chỉ tiêu (hoặc "mới")`);
      continue;
    }
    if (decisions.has(key)) problems.push(`dòng ${rec.line}: "${name}" đã được xác nhận ở dòng trước`);
    decisions.set(key, toMatchKey(decision) === NEW_INDICATOR ? NEW_INDICATOR : decision);
  }
  if (problems.length > 0) throw new PipelineError('plan-import', `Tệp xác nhận ${file} có dòng không hợp lệ:\n  ${problems.join('\n  ')}`);
  return decisions;
}
