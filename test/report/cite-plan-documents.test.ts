import { describe, expect, it } from 'vitest';
import { citePlanDocument, citePlanDocuments, normaliseDatesInText } from '../../pipeline/report/cite-plan-documents.ts';
import { buildReportModel } from '../../pipeline/report/build-report-model.ts';
import { parseConfig } from '../../pipeline/config/resolve-config.ts';
import { makeSampleReconciliation, SAMPLE_DOCUMENTS } from './fixtures/make-sample-reconciliation.ts';

describe('citePlanDocuments', () => {
  it('cites a numbered plan by kind, số, ngày and issuer from the Reconciliation', () => {
    expect(citePlanDocument(SAMPLE_DOCUMENTS[0]!).label).toBe('Kế hoạch số 434/KH-UBND ngày 22/02/2023 của Ủy ban nhân dân tỉnh Kon Tum');
  });

  it('cites a plan without số by its year and marks it for the checklist', () => {
    const cited = citePlanDocument(SAMPLE_DOCUMENTS[1]!);
    expect(cited.label).toBe('Nghị quyết năm 2020 của Hội đồng nhân dân tỉnh Kon Tum');
    expect(cited.missingNumber).toBe(true);
  });

  it('writes the dates inside a trích yếu in the report style', () => {
    expect(normaliseDatesInText('Chương trình số 60-CTr/TU ngày 15 tháng 5 năm 2023 và Nghị quyết số 29-NQ/TW ngày 17 tháng 11 năm 2022')).toBe(
      'Chương trình số 60-CTr/TU ngày 15/5/2023 và Nghị quyết số 29-NQ/TW ngày 17/11/2022',
    );
    expect(normaliseDatesInText('ngày 09 tháng 01 năm 2023')).toBe('ngày 09/01/2023');
  });

  it('takes agency names from the Reconciliation', () => {
    const names = citePlanDocuments(makeSampleReconciliation('2024'));
    expect(names.agencies['so-y-te']).toBe('Sở Y tế');
    expect(Object.keys(names.documents)).toEqual(['KH-434-2023', 'NQ-HDND-KH5N-2021-2025']);
  });

  it('the opening cites every plan with its trích yếu and one date style', () => {
    const model = buildReportModel(makeSampleReconciliation('2024'), parseConfig({ report: { date: '2025-01-20' } }), 'annual');
    const opening = model.intro.join(' ');
    expect(opening).toContain(
      'Kế hoạch số 434/KH-UBND ngày 22/02/2023 của Ủy ban nhân dân tỉnh Kon Tum về triển khai thực hiện Chương trình số 50-CTr/TU ngày 09/01/2023 của Ban Thường vụ Tỉnh ủy',
    );
    expect(opening).not.toMatch(/ngày \d+ tháng \d+ năm/);
  });
});
