// Issue 10, review findings 1, 2, 4, 5, 12, 17-20: one count everywhere, every received figure told, a figure without
// a verdict told with its reason, estimates said as estimates. Numbers shaped like the demo's 2025 data.
import { describe, expect, it } from 'vitest';
import type { Attainment, ReceivedFigure, Reconciliation } from '../../pipeline/reconcile/reconciliation.ts';
import { parseConfig } from '../../pipeline/config/resolve-config.ts';
import { buildReportModel } from '../../pipeline/report/build-report-model.ts';
import { countPeriodTargets, describeTargetCounts } from '../../pipeline/report/count-period-targets.ts';
import { describeObservedPace } from '../../pipeline/report/describe-attainment.ts';
import type { ReportModel, ReportSection } from '../../pipeline/report/report-model.ts';
import { makeSampleReconciliation } from './fixtures/make-sample-reconciliation.ts';

const configAt = (date: string) => parseConfig({ report: { date } });

function bodyText(model: ReportModel): string {
  const blocks = (s: { blocks: { kind: string }[] }) => s.blocks.map((b) => ('text' in b ? String(b.text) : 'chart' in b ? String((b as { chart: { caption: string } }).chart.caption) : '')).join('\n');
  return model.sections
    .map((s: ReportSection) => [s.title, blocks(s), ...s.items.map((i) => [i.title, blocks(i), ...i.points.map((p) => `${p.title}\n${blocks(p)}`)].join('\n'))].join('\n'))
    .join('\n');
}

function appendixRows(model: ReportModel): string[][] {
  return model.appendices[0]!.rows.filter((r) => r.kind === 'cells').map((r) => (r as { cells: { text: string }[] }).cells.map((c) => c.text));
}

const poverty = (rec: Reconciliation): Attainment => rec.attainments.find((a) => a.indicator === 'ty-le-ho-ngheo')!;

/** The 2025 annual sample with the poverty rate's base missing (8,2% received, no 2020 level) and two received figures. */
function annual2025(): Reconciliation {
  const rec = makeSampleReconciliation('2025');
  Object.assign(poverty(rec), {
    status: 'chua_du_co_so',
    aggregation: 'per_year_reduction',
    expression: 'giảm bình quân 3-4%/năm',
    targetPeriod: '2021-2025',
    actual: null,
    actualKind: 'estimate',
    figureBasis: null,
    figurePeriod: null,
    reportPeriodValue: 8.2,
    comparePct: null,
    changePct: null,
    notes: [{ code: 'base_missing', period: '2020' }],
  } satisfies Partial<Attainment>);
  const received: ReceivedFigure[] = [
    {
      indicator: 'ty-trong-kinh-te-so', indicatorName: 'Tỷ trọng kinh tế số trong GRDP', domain: 'kinh_te', unit: '%', direction: 'higher',
      period: '2025', value: 8.2, kind: 'estimate', source: 'bao-cao-stc.xlsx!Báo cáo!D19', agency: 'so-tai-chinh', agencyName: 'Sở Tài chính',
      samePeriodLastYear: 7.3, changePct: 12.3, changePoints: 0.9,
      laterTarget: { document: 'KH-60CTR-2023', documentLabel: 'Kế hoạch năm 2023', expression: 'trên 20', targetPeriod: '2021-2030' },
    },
    {
      indicator: 'ty-le-do-thi-hoa', indicatorName: 'Tỷ lệ đô thị hóa', domain: 'kinh_te', unit: '%', direction: 'higher',
      period: '2025', value: 37.5, kind: 'actual', source: 'cuc-thong-ke-2025.xlsx!Bieu1!F30', agency: 'cuc-thong-ke', agencyName: 'Cục Thống kê tỉnh Kon Tum',
      samePeriodLastYear: null, changePct: null, changePoints: null, laterTarget: null,
    },
  ];
  rec.receivedFigures = received;
  return rec;
}

describe('one count, one meaning, everywhere (finding 1)', () => {
  /** Six months with a whole-year measure (danh_gia_ca_nam) and a change whose base is missing, both with a figure. */
  function sixMonth(): Reconciliation {
    const rec = makeSampleReconciliation('2025-H1');
    Object.assign(rec.attainments.find((a) => a.indicator === 'grdp-binh-quan')!, { status: 'danh_gia_ca_nam', notes: [{ code: 'annual_measure' }] });
    Object.assign(poverty(rec), { status: 'chua_du_co_so', actual: null, reportPeriodValue: 9.4, figureBasis: null, figurePeriod: null, notes: [{ code: 'base_missing', period: '2020' }] });
    Object.assign(rec.attainments.find((a) => a.indicator === 'ocop')!, { status: 'chua_co_so_lieu' });
    Object.assign(rec.attainments.find((a) => a.indicator === 'xa-an-toan')!, { status: 'chua_co_so_lieu', actual: null, actualKind: null, figureBasis: null, figurePeriod: null, comparePct: null, changePct: null });
    return rec;
  }

  it('splits the targets into judged, annual not yet due, with a figure but no verdict, and without a figure, adding up to the total', () => {
    const counts = countPeriodTargets(sixMonth().attainments);
    // 21 targets: OCOP and xa-an-toan without a figure; GRDP/người a whole-year measure (danh_gia_ca_nam); doanh
    // nghiệp (khong_danh_gia) and hộ nghèo unjudged.
    const p = counts.period;
    expect([p.all.length, p.judged.length, p.annualNotDue.length, p.figureNotJudged.length, p.noFigure.length]).toEqual([21, 16, 1, 2, 2]);
    expect(describeTargetCounts(counts)).toBe('21 chỉ tiêu trong kỳ: 16 đã đánh giá, 1 tính theo năm, đánh giá khi có số liệu cả năm, 2 có số liệu chưa đủ cơ sở đánh giá, 2 chưa có số liệu');
  });

  it('counts in the body what Phụ lục I says, word by word (review R1, A3)', () => {
    // Demo-shaped: whole-year measures with and without a half-year figure, one change without its base, targets
    // without a figure.
    const rec = sixMonth();
    for (const code of ['ocop', 'xa-an-toan']) Object.assign(rec.attainments.find((a) => a.indicator === code)!, { status: 'danh_gia_ca_nam', notes: [{ code: 'annual_measure' }] });
    const model = buildReportModel(rec, configAt('2025-06-24'), 'six-month');
    // The verdict is the last column, whichever comparison columns the period prints.
    const words = appendixRows(model).map((r) => r[r.length - 1]);
    const count = (w: string) => words.filter((x) => x === w).length;
    const overview = bodyText(model).split('\n')[1]!;
    expect(count('Đánh giá cả năm')).toBe(3);
    expect(overview).toContain(`${count('Đánh giá cả năm')} chỉ tiêu tính theo năm, đánh giá khi có số liệu cả năm (1 chỉ tiêu đã có số liệu 6 tháng)`);
    expect(overview).toContain(`${count('Chưa đủ cơ sở đánh giá')} chỉ tiêu đã có số liệu nhưng chưa đủ cơ sở đánh giá`);
    expect(count('Chưa có số liệu')).toBe(0);
    expect(overview).not.toContain('chưa có số liệu (chi tiết');
    // The domain sentence counts the whole-year measures without a figure apart, never as "chưa có số liệu".
    const later = [...bodyText(model).matchAll(/(\d+) chỉ tiêu tính theo năm chưa có số liệu 6 tháng, đánh giá khi có số liệu cả năm|có (\d+) chỉ tiêu, (?:đều )?là chỉ tiêu tính theo năm/g)];
    expect(later.reduce((n, m) => n + Number(m[1] ?? m[2]), 0)).toBe(2);
    expect(bodyText(model)).toContain('Lĩnh vực quốc phòng, an ninh có 01 chỉ tiêu, là chỉ tiêu tính theo năm, đánh giá khi có số liệu cả năm (chi tiết tại Phụ lục I).');
    expect(bodyText(model)).not.toMatch(/\d+ chỉ tiêu chưa có số liệu/);
  });

  it('gives the same numbers in the overview, the chart caption, the domain sentences and II.2', () => {
    const model = buildReportModel(sixMonth(), configAt('2025-06-24'), 'six-month');
    const text = bodyText(model);
    const overview = text.split('\n')[1]!;
    expect(overview).toContain('16 chỉ tiêu đã có số liệu để đánh giá');
    expect(overview).toContain('1 chỉ tiêu tính theo năm, đánh giá khi có số liệu cả năm (1 chỉ tiêu đã có số liệu 6 tháng)');
    expect(overview).toContain('2 chỉ tiêu đã có số liệu nhưng chưa đủ cơ sở đánh giá');
    expect(overview).toContain('2 chỉ tiêu chưa có số liệu (chi tiết tại Phụ lục I)');
    expect(text).toContain(
      'không thể hiện trên biểu đồ: 1 chỉ tiêu tính theo năm, đánh giá khi có số liệu cả năm (1 chỉ tiêu đã có số liệu 6 tháng); 2 chỉ tiêu đã có số liệu nhưng chưa đủ cơ sở đánh giá; 2 chỉ tiêu chưa có số liệu',
    );
    const perDomain = [...text.matchAll(/(?:Trong \d+ chỉ tiêu của lĩnh vực, (\d+) chỉ tiêu chưa có số liệu|có (\d+) chỉ tiêu, (?:đều )?chưa có số liệu)/g)];
    expect(perDomain.reduce((n, m) => n + Number(m[1] ?? m[2]), 0)).toBe(2);
    // II.2 holds performance facts only (review R1, A2): the data-gap counts stay in the opening and kiem-tra.html.
    const limits = model.sections.find((s) => s.title === 'ĐÁNH GIÁ CHUNG')!.items.find((i) => i.title === 'Hạn chế, yếu kém')!;
    const said = limits.blocks.map((b) => ('text' in b ? b.text : '')).join(' ');
    expect(said).toMatch(/^Tuy nhiên, còn /);
    expect(said).not.toMatch(/chưa có số liệu|chưa đủ cơ sở/);
    const gaps = model.checklist.groups.find((g) => g.title.startsWith('Số chỉ tiêu chưa có số liệu'))!;
    expect(gaps.items).toEqual([`${describeTargetCounts(countPeriodTargets(sixMonth().attainments))}.`]);
  });

  it('labels the chart bars with the verdict words of the text and gives it a count axis', () => {
    const rec = makeSampleReconciliation('2025');
    // Estimates beside actuals: GRDP/người (vượt), số xã NTM (đạt), thu NSNN (không đạt).
    for (const code of ['grdp-binh-quan', 'xa-ntm', 'thu-nsnn']) rec.attainments.find((a) => a.indicator === code)!.actualKind = 'estimate';
    const model = buildReportModel(rec, configAt('2025-12-20'), 'annual');
    const chart = model.sections[0]!.blocks.find((b) => b.kind === 'chart') as { chart: { rows: { label: string }[]; svg: { toString(): string } } };
    expect(chart.chart.rows.map((r) => r.label)).toEqual(['Vượt', 'Ước vượt', 'Đạt', 'Ước đạt', 'Không đạt', 'Ước không đạt']);
    expect(chart.chart.svg.toString()).toContain('>Số chỉ tiêu</text>');
  });
});

describe('every received figure told, in its sector and in Phụ lục I (finding 2)', () => {
  it('tells a figure with no target of the period in the register of the reports, once', () => {
    const text = bodyText(buildReportModel(annual2025(), configAt('2025-12-20'), 'annual'));
    const sentence = 'Tỷ trọng kinh tế số trong GRDP năm 2025 ước đạt 8,2%, tăng 0,9 điểm phần trăm so với cùng kỳ (mục tiêu đến năm 2030: trên 20%).';
    expect(text.split(sentence)).toHaveLength(2);
    expect(text).toContain('Tỷ lệ đô thị hóa năm 2025 đạt 37,5%.');
  });

  it('prints each received figure as a row with its value, (*) for an estimate, and a word that is not a verdict', () => {
    const model = buildReportModel(annual2025(), configAt('2025-12-20'), 'annual');
    const row = appendixRows(model).find((r) => r[1] === 'Tỷ trọng kinh tế số trong GRDP')!;
    expect(row[3]).toBe('Kế hoạch năm 2023');
    // A share's change on cùng kỳ is in points, as the body says "tăng 0,9 điểm phần trăm" (review R1, B4).
    expect(row.slice(4)).toEqual(['(Mục tiêu đến năm 2030: trên 20%)', '7,3', '8,2 (*)', '-', '+0,9', 'Không giao chỉ tiêu trong kỳ']);
    expect(model.appendices[0]!.notes[0]).toContain('cột So cùng kỳ ghi mức tăng (+), giảm (-) theo điểm phần trăm');
    expect(appendixRows(model).find((r) => r[1] === 'Tỷ lệ đô thị hóa')!.slice(4)).toEqual(['-', '-', '37,5', '-', '-', 'Không giao chỉ tiêu trong kỳ']);
    expect(model.appendices[0]!.notes.join(' ')).toContain('"Không giao chỉ tiêu trong kỳ": số liệu đã nhận trong kỳ của chỉ tiêu không có kế hoạch giao cho năm 2025');
  });
});

describe('a figure without a verdict says why (findings 2, 5)', () => {
  it('prints the level in the body and the reason in the checklist, never "chưa có số liệu" (review R1, B2)', () => {
    const model = buildReportModel(annual2025(), configAt('2025-12-20'), 'annual');
    expect(bodyText(model)).toContain('Tỷ lệ hộ nghèo năm 2025 ước còn 8,2% (kế hoạch giai đoạn 2021-2025: giảm bình quân 3-4%/năm).');
    expect(bodyText(model)).not.toContain('chưa có số liệu năm 2020');
    const why = model.checklist.groups.find((g) => g.title.startsWith('Chỉ tiêu đã có số liệu nhưng chưa đủ cơ sở đánh giá'))!;
    expect(why.items.join(' ')).toContain('Tỷ lệ hộ nghèo');
    expect(why.items.join(' ')).toContain('chưa có số liệu năm 2020 để tính mức giảm bình quân.');
    const row = appendixRows(model).find((r) => r[1] === 'Tỷ lệ hộ nghèo')!;
    expect(row.slice(6)).toEqual(['8,2 (*)', '-', '-', 'Chưa đủ cơ sở đánh giá']);
    expect(model.appendices[0]!.notes.join(' ')).toMatch(/Chưa có số liệu năm 2020 để tính mức giảm bình quân: TT \d+\./);
  });

  it('never prints "Không đánh giá" beside a figure, and tells an outlook with one point and the pace it needs', () => {
    const rec = makeSampleReconciliation('2021-2025');
    rec.attainments.forEach((a, i) => Object.assign(a, i < 3 ? { judgement: 'outlook', targetPeriod: '2021-2030' } : { judgement: 'final', status: a.actual === null ? 'chua_co_so_lieu' : 'dat' }));
    const kinhTeSo = rec.attainments[0]!;
    Object.assign(kinhTeSo, {
      status: 'chua_du_co_so', actual: 8.2, actualKind: 'estimate', unit: '%', comparePct: null, changePct: null, changePoints: 0.9,
      indicatorName: 'Tỷ trọng kinh tế số trong GRDP', expression: 'trên 20', figureBasis: 'period_value', figurePeriod: '2025',
      notes: [{ code: 'single_point' }],
      projection: { points: [{ year: 2025, value: 8.2 }], projected: null, observedRate: null, requiredRate: 19.6, ratio: null, remainingYears: [2026, 2030] },
    } satisfies Partial<Attainment>);
    Object.assign(rec.attainments[1]!, { status: 'khong_danh_gia', notes: [{ code: 'no_quantity' }] });
    const model = buildReportModel(rec, configAt('2026-01-09'), 'review');
    // A tổng kết tells its 2030 targets in the outlook item, each figure once (section I tells the window's).
    const text = bodyText(model);
    // The outlook groups by verdict (review R1, A1): the rows with one point in one sentence, their pace in Phụ lục I.
    // Counted under Phụ lục I's own words (review R4): "Chưa đủ số liệu dự báo" for the one point, "Không đánh giá" apart.
    expect(text).toContain('Còn 1 chỉ tiêu chưa đủ số liệu dự báo (mới có số liệu năm 2025; mức cần đạt bình quân mỗi năm nêu tại Phụ lục I) và 1 chỉ tiêu đã có số liệu nhưng không đánh giá được (mục tiêu không có số hoặc khác đơn vị tính).');
    expect(text).not.toContain('19,6%/năm');
    expect(text).not.toMatch(/0 chỉ tiêu/);
    // II.2 holds performance facts only (A2).
    expect(text).not.toContain('chưa đủ số liệu để dự báo');
    const rows = appendixRows(model);
    // A tổng kết has no cùng kỳ columns (review R1, B5): Thực hiện is the 6th cell, Đánh giá the 8th.
    expect(model.appendices[0]!.columns.map((c) => c.label)).not.toContain('Cùng kỳ');
    expect(rows.filter((r) => r[5] !== '-').map((r) => r[7])).not.toContain('Không đánh giá');
    expect(rows.find((r) => r[1] === 'Tỷ trọng kinh tế số trong GRDP')![7]).toBe('Chưa đủ số liệu dự báo');
  });
});

describe('estimates said as estimates, and whose target (findings 4, 12)', () => {
  it('leads a six-month row with the period\'s own figure, as an estimate when the period ends after the report', () => {
    const rec = makeSampleReconciliation('2025-H1');
    Object.assign(rec.attainments.find((a) => a.indicator === 'grdp-tang-truong')!, {
      status: 'khong_danh_gia', actual: 8.12, actualKind: 'actual', figurePeriod: '2024', reportPeriodValue: 7.85,
      notes: [{ code: 'missing_parts', periods: ['2021', '2022', '2023'] }],
    } satisfies Partial<Attainment>);
    const text = bodyText(buildReportModel(rec, configAt('2025-06-24'), 'six-month'));
    // The growth of the half-year against cùng kỳ; the five-year average and its missing years are not the body's
    // (review R1, B2).
    expect(text).toContain('Tổng sản phẩm trên địa bàn (GRDP) 6 tháng ước tăng 7,85% so với cùng kỳ (kế hoạch: trên 10%).');
    expect(text).not.toContain('năm 2024 đạt 8,12%');
    expect(text).not.toContain('chưa có số liệu các năm 2021');
  });

  it('says a five-year plan\'s figure for the year is that plan\'s target, not "kế hoạch năm"', () => {
    const rec = makeSampleReconciliation('2025');
    Object.assign(rec.attainments[0]!, { document: 'NQ-HDND-KH5N-2021-2025', targetPeriod: '2025', expression: 'khoảng 5.000', actual: 4100, comparePct: 82, changePct: 12.3 });
    const text = bodyText(buildReportModel(rec, configAt('2025-12-20'), 'annual'));
    expect(text).toContain('Thu ngân sách nhà nước trên địa bàn năm 2025 đạt 4.100 tỷ đồng, bằng 82,0% mục tiêu năm 2025 của kế hoạch 5 năm 2021-2025, tăng 12,3% so với cùng kỳ');
    expect(text).not.toMatch(/kế hoạch năm|dự toán/);
  });
});

describe('the pace of an outlook (findings 17, 18)', () => {
  it('says "bình quân" only over two or more yearly changes, with the precision of the table', () => {
    const budget = { aggregation: 'level', unit: 'tỷ đồng', projection: { points: [{ year: 2024, value: 3650 }, { year: 2025, value: 4100 }], projected: 6600, observedRate: 12.33, requiredRate: 13.73, ratio: 0.9, remainingYears: [2026, 2030] as [number, number] } };
    expect(describeObservedPace(budget)).toBe('năm 2025 tăng 12,3%');
    const growth = { aggregation: 'avg_growth', unit: '%', projection: { ...budget.projection, points: [6.52, 7.01, 7.33, 8.12, 8.5].map((value, i) => ({ year: 2021 + i, value })), observedRate: 7.4939 } };
    expect(describeObservedPace(growth)).toBe('bình quân 7,49%/năm');
  });
});

describe('domains read alike (finding 20)', () => {
  it('titles every domain "Lĩnh vực …" and puts its no-data sentence first', () => {
    const rec = makeSampleReconciliation('2025');
    Object.assign(rec.attainments.find((a) => a.indicator === 'nuoc-sach')!, { status: 'chua_co_so_lieu', actual: null, actualKind: null, figureBasis: null, figurePeriod: null, comparePct: null, changePct: null });
    const model = buildReportModel(rec, configAt('2025-12-20'), 'annual');
    const domains = model.sections[0]!.items.filter((i) => i.title.startsWith('Lĩnh vực'));
    expect(domains.map((d) => d.title)).toEqual(['Lĩnh vực kinh tế', 'Lĩnh vực văn hóa - xã hội', 'Lĩnh vực tài nguyên và môi trường', 'Lĩnh vực quốc phòng, an ninh', 'Lĩnh vực xây dựng Đảng và hệ thống chính trị']);
    const env = domains[2]!.blocks.map((b) => ('text' in b ? b.text : ''));
    expect(env[0]).toBe('Trong 3 chỉ tiêu của lĩnh vực, 1 chỉ tiêu chưa có số liệu, do Cục Thống kê tỉnh Kon Tum theo dõi (chi tiết tại Phụ lục I).');
  });
});

describe('an agency text goes where its figures are told', () => {
  it('places the text of an agency whose figures are only received ones under their sector, creating it', () => {
    const rec = annual2025();
    rec.receivedFigures.push({
      indicator: 'bac-si-tren-10000-dan', indicatorName: 'Số bác sĩ trên 10.000 dân', domain: 'xa_hoi', unit: 'bác sĩ', direction: 'higher',
      period: '2025', value: 10.1, kind: 'estimate', source: 'so-lieu-y-te.xlsx!Số liệu!E9', agency: 'so-y-te-moi', agencyName: 'Sở Y tế',
      samePeriodLastYear: 9.8, changePct: 3.1, changePoints: null,
      laterTarget: { document: 'KH-434-2023', documentLabel: '434/KH-UBND', expression: '12 bác sĩ', targetPeriod: '2021-2030' },
    });
    // No target of the sample is in "Y tế và dân số" for this agency; the social domain has other sectors.
    rec.attainments = rec.attainments.filter((a) => !['bhyt', 'giuong-benh', 'bac-si'].includes(a.indicator));
    const model = buildReportModel(rec, configAt('2025-12-20'), 'annual', {
      agencyTexts: [{ agency: 'so-y-te-moi', source: 'so-lieu-y-te.xlsx', text: 'Tuyển dụng được 18 bác sĩ; vẫn khó thu hút bác sĩ về tuyến xã.' }],
    });
    const social = model.sections[0]!.items.find((i) => i.title === 'Lĩnh vực văn hóa - xã hội')!;
    const health = social.points.find((p) => p.title === 'Y tế và dân số')!;
    const text = health.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');
    expect(text).toContain('Số bác sĩ trên 10.000 dân năm 2025 ước đạt 10,1 bác sĩ, tăng 3,1% so với cùng kỳ (mục tiêu đến năm 2030: 12 bác sĩ).');
    expect(text).toContain('Tuyển dụng được 18 bác sĩ');
    expect(model.sections[0]!.blocks.map((b) => ('text' in b ? b.text : '')).join(' ')).not.toContain('Tuyển dụng');
  });
});

describe('one row per indicator in Phụ lục I (review R3)', () => {
  it('gives no second row to a figure received on an indicator that already has a row (the 2025 rate behind a 2021-2025 average)', () => {
    const rec = makeSampleReconciliation('2025');
    const judged = rec.attainments.find((a) => a.actual !== null)!;
    const other: ReceivedFigure = {
      indicator: judged.indicator, indicatorName: judged.indicatorName, domain: judged.domain, unit: judged.unit, direction: 'higher',
      period: '2025', value: 8.5, kind: 'estimate', source: 'bao-cao-stc.xlsx!Báo cáo!F11', agency: 'so-tai-chinh', agencyName: 'Sở Tài chính',
      samePeriodLastYear: 8.12, changePct: 4.7, changePoints: 0.38, laterTarget: null,
    };
    rec.receivedFigures = [other];
    const model = buildReportModel(rec, configAt('2025-12-24'), 'annual');
    expect(appendixRows(model).filter((r) => r[1] === judged.indicatorName)).toHaveLength(1);
    expect(appendixRows(model).flat()).not.toContain('Không giao chỉ tiêu trong kỳ');
  });
});
