// Report stage: the staff checklist written beside a report (kiem-tra.html): what a chuyên viên reviews before the
// draft goes up: empty narrative places, signer and number, citations without số, estimates, conflicts, values to
// re-check, failing data checks, agencies that owe figures. None of it is printed in the report.
import { describeAgencySubmission } from './describe-agency-submission.ts';
import { describeImplausibleValue } from './describe-implausible-value.ts';
import type { Reconciliation, SourceChoice, TaskProgress } from '../reconcile/reconciliation.ts';
import type { ReportingChannel } from '../registry/find-reporting-channel.ts';
import { formatNumber } from '../shared/format-number.ts';
import { formatQuantity } from '../shared/format-quantity.ts';
import { parsePeriod } from '../shared/parse-period.ts';
import { planDocumentCodes } from './build-opening-text.ts';
import { formatShortDate } from './format/format-short-date.ts';
import { hasNarrativeText, type NarrativeDocument } from './narrative/narrative-document.ts';
import type { ReportContext } from './report-context.ts';
import { describeTargetCounts, hasFigure } from './count-period-targets.ts';
import { unjudgedReason } from './describe-attainment.ts';
import type { ChecklistGroup, ChecklistModel } from './report-model.ts';

/** What each check of sql/checks looks for; unknown checks are quoted by name. */
const CHECK_TITLES: Readonly<Record<string, string>> = {
  implausible_share_over_100: 'Tỷ lệ nằm ngoài khoảng 0-100%',
  implausible_unit_jump: 'Số liệu chênh khoảng 1.000 lần (nghi nhầm đơn vị tính)',
  overdue_tasks: 'Nhiệm vụ đã hết thời hạn, chưa có báo cáo hoàn thành',
  share_children_sum_over_100: 'Tổng các thành phần cơ cấu vượt 100%',
  targets_unit_mismatch: 'Chỉ tiêu có đơn vị tính khác đơn vị của số liệu',
};

/** Why the report judges on the target it uses (reconcile's SourceChoice). */
const SOURCE_CHOICE_WORDS: Readonly<Record<SourceChoice, string>> = {
  only: 'văn bản duy nhất giao chỉ tiêu cho kỳ',
  same_period: 'mục tiêu giao đúng cho kỳ báo cáo',
  most_recent: 'văn bản ban hành sau cùng',
  binding: 'văn bản có hiệu lực pháp lý cao hơn',
  document_order: 'văn bản đứng trước trong danh mục',
  stricter: 'các văn bản không phân biệt được thứ bậc, lấy mục tiêu chặt chẽ hơn',
};

function periodName(id: string): string {
  try {
    return parsePeriod(id).label;
  } catch {
    return id;
  }
}

function narrativeGroups(narrative: NarrativeDocument, file: string): ChecklistGroup[] {
  const empty = narrative.sections.filter((s) => s.prompt && !hasNarrativeText(s));
  const draftOnly = narrative.sections.filter((s) => s.parts.length > 0 && s.parts.every((p) => p.kind === 'generated') && s.level > 1);
  return [
    {
      title: 'Phần nội dung còn để trống (không in ra báo cáo)',
      advice: `Viết vào tệp ${file} dưới đề mục tương ứng, rồi chạy lại lệnh lập báo cáo.`,
      items: empty.map((s) => `${s.title}: ${s.prompt}.`),
    },
    {
      title: 'Phần do chương trình viết từ số liệu, chưa được biên tập',
      advice: 'Đọc lại, bổ sung nhận định; sửa bất kỳ chữ nào thì đoạn đó được giữ nguyên ở các lần chạy sau.',
      items: draftOnly.map((s) => s.title),
    },
    ...agencyAndStaffGroups(narrative, file),
  ];
}

/**
 * What staff must look at in narrative.md before signing (review R2, B3, B6, B7): the agencies' text printed word for
 * word and not yet edited, sections that print both staff text and an untouched draft, and what reading the file
 * changed or could not do (narrative.notices).
 */
function agencyAndStaffGroups(narrative: NarrativeDocument, file: string): ChecklistGroup[] {
  const agencyItems = narrative.sections.flatMap((s) =>
    s.parts.flatMap((p) => {
      if (p.kind !== 'agency' || p.edited || p.text.trim() === '') return [];
      const [agency, source] = p.source.split(/, tệp /);
      return [`Thuyết minh của ${agency}${source ? ` (tệp ${source})` : ''} đưa nguyên văn vào mục "${s.title}": biên tập trước khi trình.`];
    }),
  );
  const both = narrative.sections.filter((s) => s.parts.some((p) => p.kind === 'staff' && p.text.trim() !== '') && s.parts.some((p) => p.kind === 'generated' && p.text.trim() !== ''));
  return [
    {
      title: 'Thuyết minh của cơ quan đưa nguyên văn vào báo cáo, chưa được biên tập',
      advice: `Đọc và biên tập trong ${file}: sửa đoạn giữa dòng "cơ quan" và dòng "hết tự động"; đoạn đã sửa thay cho thuyết minh của cơ quan và vẫn ghi nguồn.`,
      items: agencyItems,
    },
    {
      title: 'Mục in cả chữ của cán bộ và đoạn tự động chưa sửa',
      advice: `Nếu đoạn của anh/chị thay cho đoạn tự động, xóa hết chữ của đoạn tự động (giữ hai dòng chú thích) trong ${file}.`,
      items: both.map((s) => s.title),
    },
    {
      title: 'Lưu ý khi đọc tệp nội dung và thuyết minh của cơ quan',
      advice: `Chương trình không bỏ chữ nào của anh/chị; xem lại các chỗ được nêu trong ${file}.`,
      items: narrative.notices ?? [],
    },
  ];
}

function issueGroups(ctx: ReportContext): ChecklistGroup[] {
  const party = ctx.style === 'party' ? ctx.issuer.party : null;
  const signer = party?.signer ?? ctx.issuer.signer;
  const items: string[] = [];
  if (!signer.name.trim()) items.push(`Chưa có họ tên người ký (${[signer.authority, signer.position].filter(Boolean).join(' ')}): điền signer.name trong kehoach.config.json.`);
  items.push(...ctx.settingsNotes);
  if (ctx.config.report.number === null) items.push('Số văn bản để trống ("Số: ....../BC-...") cho văn thư cấp số khi ban hành.');
  const uncited = planDocumentCodes(ctx).filter((c) => ctx.names.documents?.[c]?.missingNumber);
  for (const c of uncited) items.push(`Văn bản "${ctx.names.documents![c]!.label}" chưa có số, ngày ban hành trong nguồn: đang trích dẫn theo tên và năm; bổ sung vào seeds/documents.csv.`);
  return [{ title: 'Thể thức: người ký, số văn bản, căn cứ', advice: 'Hoàn thiện trước khi trình ký.', items }];
}

/**
 * The estimates the report marks (*): Phụ lục I marks a row whose `actualKind` is 'estimate' (build-appendices.ts), and
 * the same field is read here, so the count agrees (review of issue 10, finding 12). One line per indicator and
 * figure: a review shows an indicator in its window and in its outlook, which is one figure to update (finding 16).
 */
function estimateItems(ctx: ReportContext): string[] {
  const lines = ctx.attainments
    .filter((a) => a.actualKind === 'estimate' && a.actual !== null)
    .map((a) => `${a.indicatorName}: ${formatQuantity(a.actual!, a.unit)} (${a.source ?? 'không rõ nguồn'}).`);
  return [...new Set(lines)];
}

/** The figures received for the period that no target row shows (Reconciliation.receivedFigures), for staff to check
 * that the body speaks of them (issue 10, item 1: every figure received in the period is mentioned). */
function receivedGroup(r: Reconciliation): ChecklistGroup {
  return {
    title: 'Số liệu đã nhận, không có chỉ tiêu giao cho kỳ',
    advice: 'Không đánh giá đạt/không đạt; kiểm tra phần I của báo cáo đã nêu các số liệu này theo lĩnh vực.',
    items: (r.receivedFigures ?? []).map(
      (f) => `${f.indicatorName}: ${formatQuantity(f.value, f.unit)}${f.kind === 'estimate' ? ' (ước)' : ''} (${f.agencyName ?? f.agency}, ${f.source}).`,
    ),
  };
}

/** Where a reporting channel's bodies send their reports (pipeline/registry/find-reporting-channel.ts). */
const CHANNEL_WORDS: Readonly<Record<ReportingChannel, string>> = {
  ubnd: 'Ủy ban nhân dân tỉnh',
  dang: 'cơ quan của Đảng, báo cáo Tỉnh ủy',
  hdnd: 'Hội đồng nhân dân tỉnh',
  tu_phap: 'Tòa án, Viện Kiểm sát',
  mat_tran_doan_the: 'Mặt trận Tổ quốc, đoàn thể',
  trung_uong: 'bộ, ngành trung ương',
};

function taskTitle(x: TaskProgress): string {
  return x.title.replace(/[.;:\s]+$/, '');
}

/** Every lead as staff need it: the name on the report date, or the old name with "(đã kết thúc hoạt động)". */
function leadNames(ctx: ReportContext, x: TaskProgress): string {
  const names = (x.leads ?? []).map((l) => l.name ?? `${ctx.agencyName(l.code)} (đã kết thúc hoạt động)`);
  // A group's "Các ..." after the first name reads in lower case, as in a sentence ("..., các đơn vị liên quan").
  const joined = [...new Set(names)].map((n, i) => (i > 0 ? n.replace(/^Các /, 'các ') : n)).join(', ');
  return joined || (x.leadName ?? (x.lead ? ctx.agencyName(x.lead) : 'chưa xác định'));
}

function deadlineWords(x: TaskProgress): string {
  return x.deadline ? formatShortDate(x.deadline) : x.recurring ? 'thường xuyên' : (x.deadlineText?.trim() || 'không ghi');
}

/** The document of a task as staff cite it: its số ký hiệu, else its label, and the task's id in seeds/tasks.csv. */
function taskPlace(ctx: ReportContext, r: Reconciliation, x: TaskProgress): string {
  const doc = r.documents?.find((d) => d.code === x.document);
  return `${doc?.number ?? ctx.names.documents?.[x.document]?.label ?? x.document}, ${x.taskId}`;
}

/**
 * The tasks for staff (review of issue 10, findings 6, 10, 16): the overdue ones of the report (the same count as the
 * report and the overdue_tasks check), those without a report by lead agency, and those the report leaves out: led
 * outside the Sở's reporting channel, or with no lead known.
 */
function taskGroups(ctx: ReportContext, r: Reconciliation): ChecklistGroup[] {
  const overdue = r.tasks.filter((x) => x.overdue || x.overdueUnreported);
  const unreported = r.tasks.filter((x) => x.status === null);
  const aside = r.tasksSetAside ?? [];
  const outside = aside.filter((x) => x.setAside?.reason === 'outside_channel');
  const leadless = aside.filter((x) => x.setAside?.reason === 'lead_unknown');
  const byLead = (xs: TaskProgress[]) => [...xs].sort((a, b) => leadNames(ctx, a).localeCompare(leadNames(ctx, b), 'vi'));
  return [
    {
      title: 'Nhiệm vụ, đề án quá thời hạn chưa hoàn thành',
      advice: 'Các nhiệm vụ này ghi "quá thời hạn" hoặc "đã hết thời hạn" tại Phụ lục II; đôn đốc cơ quan chủ trì báo cáo kết quả.',
      items: byLead(overdue).map(
        (x) => `${leadNames(ctx, x)}: ${taskTitle(x)} (thời hạn ${deadlineWords(x)}; ${x.status ? `báo cáo: ${TASK_STATUS_WORDS[x.status]}` : 'chưa có báo cáo'}; ${taskPlace(ctx, r, x)}).`,
      ),
    },
    {
      title: 'Nhiệm vụ, đề án chưa có báo cáo kết quả',
      advice: `${formatNumber(unreported.length)} trong ${formatNumber(r.tasks.length)} nhiệm vụ, đề án của báo cáo chưa có báo cáo kết quả; phần thân báo cáo chỉ nêu các nhiệm vụ đã có báo cáo, Phụ lục II liệt kê các nhiệm vụ này theo cơ quan chủ trì. Đôn đốc cơ quan chủ trì báo cáo.`,
      items: byLead(unreported).map((x) => `${leadNames(ctx, x)}: ${taskTitle(x)} (thời hạn ${deadlineWords(x)}).`),
    },
    {
      title: 'Nhiệm vụ do cơ quan ngoài phạm vi báo cáo chủ trì (không đưa vào báo cáo)',
      advice:
        'Cơ quan chủ trì báo cáo theo kênh riêng, không qua Sở theo kế hoạch của Ủy ban nhân dân tỉnh (434/KH-UBND, mục III; Nghị quyết của HĐND tỉnh, Điều 3; 15-NQ/TU, mục III). Nếu lãnh đạo yêu cầu nêu, viết vào narrative.md.',
      items: byLead(outside).map(
        (x) => `${leadNames(ctx, x)} (${[...new Set((x.setAside?.channels ?? []).map((c) => CHANNEL_WORDS[c]))].join('; ')}): ${taskTitle(x)} (${taskPlace(ctx, r, x)}).`,
      ),
    },
    {
      title: 'Nhiệm vụ, đề án chưa xác định cơ quan chủ trì (không đưa vào báo cáo)',
      advice:
        'Văn bản không giao cơ quan chủ trì, hoặc cơ quan chủ trì đã kết thúc hoạt động và chưa có cơ quan kế thừa: xác định cơ quan chủ trì (cột lead của seeds/tasks.csv, hoặc successor của seeds/agencies.csv) rồi chạy lại.',
      items: leadless.map(
        (x) =>
          `${taskTitle(x)} (${taskPlace(ctx, r, x)}; thời hạn ${deadlineWords(x)}${(x.leads ?? []).length > 0 ? `; chủ trì theo văn bản: ${leadNames(ctx, x)}` : ''}${x.status ? `; đã có báo cáo: ${TASK_STATUS_WORDS[x.status]}` : ''}).`,
      ),
    },
  ];
}

const TASK_STATUS_WORDS: Readonly<Record<NonNullable<TaskProgress['status']>, string>> = {
  hoan_thanh: 'hoàn thành',
  dang_thuc_hien: 'đang thực hiện',
  chua_thuc_hien: 'chưa thực hiện',
};

function dataGroups(ctx: ReportContext, r: Reconciliation): ChecklistGroup[] {
  const groups: ChecklistGroup[] = [];
  groups.push({
    title: 'Số liệu ước thực hiện',
    advice: 'Cập nhật khi có số liệu chính thức.',
    items: estimateItems(ctx),
  });
  groups.push(receivedGroup(r));
  groups.push({
    title: 'Số liệu giữa các nguồn chưa thống nhất',
    advice: 'Thống nhất với các cơ quan trước khi trình; báo cáo đang dùng số được chọn.',
    items: r.conflicts.map(
      (c) =>
        `${c.indicatorName} (${periodName(c.period)}): ` +
        c.values.map((v) => `${ctx.agencyName(v.agency)} ${formatNumber(v.value)}${v.kind === 'estimate' ? ' (ước)' : ''} [${v.source}]`).join('; ') +
        `; đang dùng số của ${ctx.agencyName(c.chosen.agency)} (${c.chosen.reason}).`,
    ),
  });
  // The report names the agencies that owe figures from each target's cơ quan theo dõi; a target without one cannot
  // be chased until staff assign it (seeds/targets.csv, column agency).
  // Only the rows the report counts as "chưa có số liệu" (review R2, A7): a row with a figure but no verdict is listed
  // with its reason (gapGroups), never as a figure to chase.
  const noFigure = [...ctx.counts.period.noFigure, ...ctx.counts.outlook.noFigure];
  const ownerless = noFigure.filter((a) => !a.agency && !a.sources.some((s) => s.agency));
  groups.push({
    title: 'Chỉ tiêu chưa có số liệu và chưa xác định cơ quan theo dõi',
    advice: 'Báo cáo chưa nêu được cơ quan phải gửi số liệu của các chỉ tiêu này: bổ sung cơ quan theo dõi (cột agency của seeds/targets.csv) rồi đôn đốc.',
    items: [...new Set(ownerless.map((a) => `${a.indicatorName} (${a.documentLabel}).`))],
  });
  groups.push(...gapGroups(ctx));
  groups.push(...taskGroups(ctx, r));
  groups.push({
    title: 'Chỉ tiêu được các văn bản giao mục tiêu khác nhau',
    advice: 'Phụ lục I ghi mục tiêu của văn bản đang dùng để đánh giá; kiểm tra lại văn bản căn cứ trước khi trình.',
    items: ctx.attainments.flatMap((a) => {
      const used = a.sources.find((s) => s.used);
      const others = a.sources.filter((s) => !s.used && s.expression !== used?.expression);
      if (!used || others.length === 0) return [];
      const word = (s: (typeof a.sources)[number]) => `${s.expression} (${s.documentLabel}, ${s.targetPeriod})`;
      return [`${a.indicatorName}: đang đánh giá theo ${word(used)} (${SOURCE_CHOICE_WORDS[a.sourceChoice]}); văn bản khác: ${others.map(word).join('; ')}.`];
    }),
  });
  groups.push({
    title: 'Số liệu cần kiểm tra lại',
    advice: 'Đối chiếu với tệp gốc của cơ quan.',
    items: r.implausible.map((v) => `${v.indicatorName} (${periodName(v.period)}): ${formatQuantity(v.value, v.unit)}, nguồn ${v.source}: ${describeImplausibleValue(v).replace(/\.$/, '')}.`),
  });
  groups.push({
    title: 'Kết quả kiểm tra dữ liệu (sql/checks)',
    advice: 'Xem chi tiết bằng kehoach reconcile; xử lý trước khi trình.',
    // overdue_tasks has its own group, with the tasks by name (taskGroups).
    items: r.checks.filter((c) => c.failing > 0 && c.name !== 'overdue_tasks').map((c) => `${CHECK_TITLES[c.name] ?? `Kiểm tra "${c.name}"`}: ${formatNumber(c.failing)} trường hợp.`),
  });
  return groups;
}

/**
 * The data gaps the report body no longer prints (review R1, A2, B1, B2): the counts of targets without a figure or
 * without a verdict (no longer in "Hạn chế, yếu kém"), why each figure has no verdict (a missing base year, the years
 * an average lacks, one point only), and the targets without a figure by the agency that follows them.
 */
function gapGroups(ctx: ReportContext): ChecklistGroup[] {
  const unjudged = [...ctx.counts.period.figureNotJudged, ...ctx.counts.outlook.figureNotJudged];
  const missing = [...ctx.counts.period.noFigure, ...ctx.counts.outlook.noFigure, ...ctx.counts.period.annualNotDue.filter((a) => !hasFigure(a))];
  const byAgency = new Map<string, string[]>();
  for (const a of missing) {
    const code = a.agency ?? a.sources.find((x) => x.agency)?.agency ?? null;
    if (code) byAgency.set(code, [...(byAgency.get(code) ?? []), a.indicatorName]);
  }
  return [
    {
      title: 'Số chỉ tiêu chưa có số liệu, chưa đủ cơ sở đánh giá (không nêu ở phần hạn chế, yếu kém)',
      advice: 'Phần mở đầu mục I và Phụ lục I đã nêu các số này; đôn đốc các cơ quan bổ sung số liệu.',
      items: ctx.counts.period.all.length > 0 ? [`${describeTargetCounts(ctx.counts)}.`] : [],
    },
    {
      title: 'Chỉ tiêu đã có số liệu nhưng chưa đủ cơ sở đánh giá: lý do (không in trong báo cáo)',
      advice: 'Bổ sung số liệu kỳ gốc hoặc các năm còn thiếu để chương trình đánh giá được.',
      items: [...new Set(unjudged.map((a) => `${a.indicatorName} (${a.documentLabel}): ${unjudgedReason(a)}.`))],
    },
    {
      title: 'Chỉ tiêu chưa có số liệu, theo cơ quan theo dõi',
      advice: 'Đôn đốc từng cơ quan gửi số liệu; phản hồi ở thư mục phan-hoi/.',
      items: [...byAgency]
        .map(([code, names]) => `${ctx.agencyName(code)}: ${formatNumber(new Set(names).size)} chỉ tiêu (${[...new Set(names)].join('; ')}).`)
        .sort((x, y) => x.localeCompare(y, 'vi')),
    },
  ];
}

function agencyGroup(r: Reconciliation): ChecklistGroup {
  const items: string[] = [];
  for (const a of r.agencies) {
    const what = a.submission === 'dung_han' ? null : describeAgencySubmission(a);
    const rejected = a.rejectedFiles > 0 ? `${formatNumber(a.rejectedFiles)} tệp bị từ chối, đề nghị gửi lại` : null;
    const parts = [what, rejected].filter((p): p is string => p !== null);
    if (parts.length > 0) items.push(`${a.agencyName}: ${parts.join('; ')}.`);
  }
  const deadline = r.agencies[0]?.deadline;
  return {
    title: 'Cơ quan, đơn vị chưa gửi, gửi muộn, gửi thiếu' + (deadline ? ` (hạn gửi ${formatShortDate(deadline)})` : ''),
    advice: 'Đôn đốc gửi bổ sung; phản hồi từng cơ quan ở thư mục phan-hoi/.',
    items,
  };
}

/**
 * Tasks of the report with a lead that ceased before the report date with no successor in the registry (review
 * finding 4): Phụ lục II names their other leads only, and a lead that ceased inside the period with its last day.
 */
function successorGroup(ctx: ReportContext, r: Reconciliation): ChecklistGroup {
  const items: string[] = [];
  for (const t of r.tasks) {
    const unknown = (t.leads ?? []).filter((l) => l.successorUnknown);
    if (unknown.length === 0) continue;
    const named = unknown.some((l) => l.lastDay);
    items.push(
      `${taskTitle(t)} (${taskPlace(ctx, r, t)}): ${[...new Set(unknown.map((l) => ctx.agencyName(l.code)))].join(', ')} đã kết thúc hoạt động, chưa có cơ quan kế thừa trong danh mục; ` +
        (named
          ? 'Phụ lục II ghi cơ quan đã kết thúc trong kỳ kèm ngày cuối hoạt động ("đến ngày ..."), vì cơ quan đó chủ trì một phần kỳ báo cáo.'
          : 'Phụ lục II chỉ ghi các cơ quan chủ trì còn lại.'),
    );
  }
  return {
    title: 'Nhiệm vụ có cơ quan chủ trì đã giải thể, sáp nhập, chưa xác định cơ quan kế thừa',
    advice: 'Bổ sung cơ quan kế thừa (successor, valid_to) vào seeds/agencies.csv hoặc ghi cơ quan chủ trì hiện nay vào báo cáo.',
    items,
  };
}

/**
 * Builds the checklist of one report.
 * @param narrativeFile the narrative file's name as staff see it, for the advice on empty places
 */
export function buildChecklistModel(ctx: ReportContext, narrative: NarrativeDocument, narrativeFile: string): ChecklistModel {
  return {
    title: `Danh sách kiểm tra trước khi trình: báo cáo ${ctx.period.label}`,
    reportName: ctx.kind,
    groups: [...narrativeGroups(narrative, narrativeFile), ...issueGroups(ctx), ...dataGroups(ctx, ctx.reconciliation), agencyGroup(ctx.reconciliation), successorGroup(ctx, ctx.reconciliation)],
  };
}
