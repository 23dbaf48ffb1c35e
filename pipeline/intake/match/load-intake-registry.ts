// Intake stage: the parts of the plan registry intake matches against, read once per run into memory.
import { findReportingChannel } from '../../registry/find-reporting-channel.ts';
import { findAgencyOnDate } from '../../registry/find-agency-on-date.ts';
import type BetterSqlite3 from 'better-sqlite3';
import { parsePeriod, type Period } from '../../shared/parse-period.ts';

/** An indicator as intake needs it. */
export interface RegistryIndicator {
  code: string;
  name: string;
  nameKey: string;
  unit: string;
  parent: string | null;
}

/** An agency with its validity and successor. */
export interface RegistryAgency {
  code: string;
  name: string;
  shortName: string | null;
  kind: string;
  /** The body it belongs to (seeds/agencies.csv `parent`): with `kind`, its reporting channel. */
  parent: string | null;
  validFrom: string | null;
  validTo: string | null;
  successor: string | null;
}

/** A target, reduced to what forms, matching and status need. */
export interface RegistryTarget {
  id: string;
  indicator: string;
  period: string;
  expression: string;
  unit: string | null;
  agency: string | null;
  document: string;
}

/** A task or scheme with the agencies that lead or coordinate it. */
export interface RegistryTask {
  id: string;
  title: string;
  titleKey: string;
  kind: string;
  /** Lead and coordinating agencies. */
  agencies: string[];
  /** Lead agencies only: they report the task's progress. */
  leads: string[];
  deadline: string | null;
  deadlineText: string | null;
}

/** Everything intake reads from the registry. */
export interface IntakeRegistry {
  indicators: Map<string, RegistryIndicator>;
  agencies: Map<string, RegistryAgency>;
  /** alias key -> agency codes */
  agencyAliases: Map<string, string[]>;
  /** alias key -> (agency or '' -> indicator code) */
  indicatorAliases: Map<string, Map<string, string>>;
  targets: RegistryTarget[];
  tasks: RegistryTask[];
}

/** Reads the registry tables intake uses. */
export function loadIntakeRegistry(sqlite: BetterSqlite3.Database): IntakeRegistry {
  const indicators = new Map<string, RegistryIndicator>();
  for (const r of sqlite.prepare('select code, name, name_key, unit, parent from indicators').all() as {
    code: string;
    name: string;
    name_key: string;
    unit: string;
    parent: string | null;
  }[]) {
    indicators.set(r.code, { code: r.code, name: r.name, nameKey: r.name_key, unit: r.unit, parent: r.parent });
  }
  const agencies = new Map<string, RegistryAgency>();
  for (const r of sqlite.prepare('select code, name, short_name, kind, parent, valid_from, valid_to, successor from agencies').all() as {
    code: string;
    name: string;
    short_name: string | null;
    kind: string;
    parent: string | null;
    valid_from: string | null;
    valid_to: string | null;
    successor: string | null;
  }[]) {
    agencies.set(r.code, {
      code: r.code,
      name: r.name,
      shortName: r.short_name,
      kind: r.kind,
      parent: r.parent,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      successor: r.successor,
    });
  }
  const agencyAliases = new Map<string, string[]>();
  for (const r of sqlite.prepare('select alias_key, agency_code from agency_aliases order by agency_code').all() as {
    alias_key: string;
    agency_code: string;
  }[]) {
    const list = agencyAliases.get(r.alias_key) ?? [];
    if (!list.includes(r.agency_code)) list.push(r.agency_code);
    agencyAliases.set(r.alias_key, list);
  }
  const indicatorAliases = new Map<string, Map<string, string>>();
  for (const r of sqlite.prepare('select alias_key, indicator, agency from indicator_aliases').all() as {
    alias_key: string;
    indicator: string;
    agency: string;
  }[]) {
    const m = indicatorAliases.get(r.alias_key) ?? new Map<string, string>();
    m.set(r.agency ?? '', r.indicator);
    indicatorAliases.set(r.alias_key, m);
  }
  const targets = sqlite.prepare('select id, indicator, period, expression, unit, agency, document from targets order by id').all() as RegistryTarget[];
  const taskAgencies = new Map<string, string[]>();
  const taskLeads = new Map<string, string[]>();
  for (const r of sqlite.prepare('select task_id, agency_code, role from task_agencies order by role desc, agency_code').all() as {
    task_id: string;
    agency_code: string;
    role: string;
  }[]) {
    taskAgencies.set(r.task_id, [...(taskAgencies.get(r.task_id) ?? []), r.agency_code]);
    if (r.role === 'lead') taskLeads.set(r.task_id, [...(taskLeads.get(r.task_id) ?? []), r.agency_code]);
  }
  const tasks = (sqlite.prepare('select id, title, title_key, kind, deadline, deadline_text from tasks order by id').all() as {
    id: string;
    title: string;
    title_key: string;
    kind: string;
    deadline: string | null;
    deadline_text: string | null;
  }[]).map((t) => ({
    id: t.id,
    title: t.title,
    titleKey: t.title_key,
    kind: t.kind,
    agencies: taskAgencies.get(t.id) ?? [],
    leads: taskLeads.get(t.id) ?? [],
    deadline: t.deadline,
    deadlineText: t.deadline_text,
  }));
  return { indicators, agencies, agencyAliases, indicatorAliases, targets, tasks };
}

/**
 * The agency that answers for `code` on a date: the agency itself while valid, else its successor (followed through
 * the 2025 mergers), so Sở Kế hoạch và Đầu tư's targets fall to Sở Tài chính after 01/3/2025.
 */
export function agencyOnDate(registry: IntakeRegistry, code: string, date: string): string {
  return findAgencyOnDate(registry.agencies, code, date);
}

/** True when a target is still to be reported on in `period`: it has not ended before the period starts. */
export function isTargetOpenIn(target: RegistryTarget, period: Period): boolean {
  let end = targetEndYears.get(target.period);
  if (end === undefined) {
    try {
      end = parsePeriod(target.period).endYear;
    } catch {
      end = null;
    }
    targetEndYears.set(target.period, end);
  }
  return end !== null && end >= period.startYear;
}

// Few distinct target periods ("2025", "2021-2025", "2030"), many targets: parse each once.
const targetEndYears = new Map<string, number | null>();

/**
 * Indicators an agency follows in a period: those of open targets that name it (or a predecessor of it), sorted
 * by the registry's order of targets.
 */
export function agencyIndicators(registry: IntakeRegistry, agency: string, period: Period): string[] {
  // A Set keeps insertion order and makes this linear: an agency can follow tens of thousands of indicators.
  const out = new Set<string>();
  for (const t of registry.targets) {
    if (!t.agency || !isTargetOpenIn(t, period)) continue;
    if (agencyOnDate(registry, t.agency, period.cutoffEnd) !== agency && t.agency !== agency) continue;
    out.add(t.indicator);
  }
  return [...out];
}

/** Tasks an agency leads that are still open in the period (recurring, or due on or after the period starts). */
export function agencyTasks(registry: IntakeRegistry, agency: string, period: Period): RegistryTask[] {
  return registry.tasks.filter(
    (t) =>
      (!t.deadline || t.deadline >= period.start) &&
      t.leads.some((l) => l === agency || agencyOnDate(registry, l, period.cutoffEnd) === agency),
  );
}

/** Kinds of agency that send their own file (sở, ban, ngành, districts); not a group, nor the UBND tỉnh itself. Of
 * them, only those in the Sở's reporting channel (findReportingChannel, the rule the report follows too): not the
 * Party's organs, the Mặt trận and đoàn thể, the court and procuracy (review of issue 10, finding 6). */
const REPORTING_KINDS = new Set(['so', 'ban', 'nganh', 'huyen']);

/**
 * Agencies expected to report in a period: those that follow an open target or lead an open task, as the agency
 * answering on the period's cut-off date (successors after a merger). Sorted by code.
 */
export function expectedAgencies(registry: IntakeRegistry, period: Period): string[] {
  const set = new Set<string>();
  for (const t of registry.targets) if (t.agency && isTargetOpenIn(t, period)) set.add(agencyOnDate(registry, t.agency, period.cutoffEnd));
  for (const t of registry.tasks) {
    if (t.deadline && t.deadline < period.start) continue;
    for (const l of t.leads) set.add(agencyOnDate(registry, l, period.cutoffEnd));
  }
  return [...set].filter((a) => {
    const ag = registry.agencies.get(a);
    return ag && REPORTING_KINDS.has(ag.kind) && findReportingChannel(registry.agencies, a) === 'ubnd' && (!ag.validFrom || ag.validFrom <= period.end);
  }).sort();
}
