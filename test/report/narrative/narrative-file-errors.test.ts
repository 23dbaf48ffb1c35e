// Report: a narrative file the machine will not read is said in Vietnamese with the right reason (issue 11 review
// F6/F9: "--out" under a file gave "Không đọc được tệp nội dung báo cáo ...: ENOTDIR: not a directory, open ...").
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNarrativeFile } from '../../../pipeline/report/narrative/narrative-file.ts';

describe('readNarrativeFile on a path through a file', () => {
  it('says the path goes through a file, in Vietnamese', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-narr-'));
    fs.writeFileSync(path.join(dir, 'outfile'), 'x');
    const file = path.join(dir, 'outfile', 'x', 'narrative.md');
    expect(() => readNarrativeFile(file)).toThrow(/đi qua một tệp, không phải thư mục/);
    expect(() => readNarrativeFile(file)).not.toThrow(/not a directory/);
  });
});
