// Report stage: the HTML writer, for preview in a browser (the same document the PDF is printed from).
import type { ReportWriter } from './report-writer.ts';
import { writeFileAtomic } from '../../shared/write-file-atomic.ts';

/** Creates the HTML writer: writes the rendered document as it is (UTF-8). */
export function createHtmlWriter(): ReportWriter {
  return {
    format: 'html',
    async write(rendered, outFile) {
      writeFileAtomic(outFile, rendered.html);
    },
    async close() {},
  };
}
