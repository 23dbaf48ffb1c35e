// CLI: reads a command line against a command's declared options and positionals (node:util parseArgs underneath),
// once, into typed values; every fault is a usage error (exit 64) naming the option, or, for a path of the wrong
// kind, an operational error (exit 2) naming the path.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { parsePeriod } from '../shared/parse-period.ts';
import { PipelineError } from '../shared/pipeline-error.ts';
import { resolveOutDir } from '../shared/project-paths.ts';
import type { AnyCommand, ArgDef, PositionalDef } from './define-command.ts';

/** Options every command takes besides its own. */
export const GLOBAL_OPTIONS = {
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  debug: { type: 'boolean' },
} as const satisfies NonNullable<ParseArgsConfig['options']>;

/** A parsed command line. */
export interface ParsedCommandLine {
  args: Record<string, unknown>;
  positionals: Record<string, string[]>;
  db: string | undefined;
  /** --config FILE, for commands that need the configuration. */
  config: string | undefined;
  help: boolean;
  debug: boolean;
}

/** "a, b hoặc c". */
function orList(values: readonly string[]): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} hoặc ${values.at(-1)}`;
}

function usage(message: string): PipelineError {
  return new PipelineError('usage', message);
}

function parseList(option: string, text: string, allowed: readonly string[]): string[] {
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = items.filter((s) => !allowed.includes(s));
  if (items.length === 0 || bad.length > 0) throw usage(`${option} nhận ${allowed.join(', ')} (nhận "${text}").`);
  return [...new Set(items)];
}

function checkDir(option: string, dir: string, role: 'input' | 'output'): string {
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(dir);
  } catch {
    stat = null;
  }
  if (stat && !stat.isDirectory()) {
    throw new PipelineError('io', `${option} ${dir} là một tệp, không phải thư mục. Hãy chỉ ${option} đến một thư mục.`);
  }
  if (!stat && role === 'input') throw new PipelineError('io', `Không thấy thư mục ${dir} (${option}). Hãy kiểm tra lại đường dẫn.`);
  return dir;
}

function checkFile(option: string, file: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new PipelineError('io', `Không thấy tệp ${file} (${option}). Hãy kiểm tra lại đường dẫn.`);
  }
  if (stat.isDirectory()) throw new PipelineError('io', `${file} (${option}) là một thư mục, không phải tệp.`);
  return file;
}

/** The value of one declared option, or a usage/io error naming it. */
function readArg(name: string, def: ArgDef, raw: string | boolean | undefined): unknown {
  const option = `--${name}`;
  if (def.type === 'boolean') return raw === true;
  if (raw === undefined) {
    if ('required' in def && def.required) {
      throw usage(def.type === 'period' ? 'Thiếu --period (ví dụ 2025-H1, 2025, 2021-2025).' : `Thiếu ${option}.`);
    }
    if (def.type === 'enum' && def.default !== undefined) return def.default;
    if (def.type === 'dir' && def.default === 'output') return checkDir(option, resolveOutDir(), 'output');
    return undefined;
  }
  const text = String(raw);
  switch (def.type) {
    case 'string':
      return text;
    case 'period':
      return parsePeriod(text);
    case 'enum':
      if (!def.values.includes(text)) throw usage(`${option} phải là ${orList(def.values)} (nhận "${text}").`);
      return text;
    case 'list':
      return parseList(option, text, def.values);
    case 'dir':
      return checkDir(option, path.resolve(text), def.role);
    case 'file':
      return checkFile(option, path.resolve(text));
    default: {
      const never: never = def;
      throw new PipelineError('internal', `Loại tuỳ chọn không xác định: ${JSON.stringify(never)}`);
    }
  }
}

function readPositionals(defs: readonly PositionalDef[], given: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  let i = 0;
  for (const def of defs) {
    const taken = def.variadic ? given.slice(i) : given.slice(i, i + 1);
    i += taken.length;
    if (def.required && taken.length === 0) throw usage(`Thiếu ${def.name.toUpperCase()}.`);
    for (const word of taken) {
      if (def.values && !def.values.includes(word)) throw usage(`${def.name.toUpperCase()} phải là ${orList(def.values)} (nhận "${word}").`);
    }
    out[def.name] = taken;
  }
  if (i < given.length) throw usage(`Thừa đối số: ${given.slice(i).join(' ')}.`);
  return out;
}

/** node:util's parseArgs error, said in Vietnamese with the option or word it names. */
function translateParseError(error: unknown): PipelineError {
  const { code, message } = error as { code?: string; message?: string };
  const quoted = /'([^']*)'/.exec(message ?? '')?.[1] ?? '';
  const option = quoted.split(' ')[0];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return usage(`Không có tuỳ chọn ${option} ở lệnh này (xem --help).`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return usage(`Thừa đối số "${quoted}": lệnh này không nhận đối số ngoài các tuỳ chọn.`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(message ?? '')
        ? usage(`Thiếu giá trị sau ${option}.`)
        : usage(`${option} không nhận giá trị (chỉ ghi ${option}).`);
    default:
      return usage(`Dòng lệnh không đọc được (${option || 'đối số'}); xem --help.`);
  }
}

/** An option given twice would silently keep the last value: refused instead. */
function refuseRepeats(tokens: NonNullable<ReturnType<typeof parseArgs>['tokens']>): void {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (seen.has(token.name)) throw usage(`--${token.name} được cho hai lần; hãy chỉ ghi một lần.`);
    seen.add(token.name);
  }
}

/**
 * Parses the arguments after the command name. `--help` short-circuits: nothing else is checked.
 * @throws PipelineError('usage') for an unknown option, a missing or bad value; PipelineError('io') for a path of
 *   the wrong kind (--out naming a file, an input folder that does not exist)
 */
export function parseCommandArgs(command: AnyCommand, argv: string[]): ParsedCommandLine {
  const declared = Object.entries(command.args as Record<string, ArgDef>);
  const options: NonNullable<ParseArgsConfig['options']> = { ...GLOBAL_OPTIONS };
  for (const [name, def] of declared) options[name] = { type: def.type === 'boolean' ? 'boolean' : 'string' };
  if (command.needs?.config) options.config = { type: 'string' };
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: (command.positionals?.length ?? 0) > 0, strict: true, tokens: true });
  } catch (error) {
    throw translateParseError(error);
  }
  refuseRepeats(parsed.tokens ?? []);
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const base = {
    db: typeof values.db === 'string' ? values.db : undefined,
    config: typeof values.config === 'string' ? values.config : undefined,
    help: values.help === true,
    debug: values.debug === true,
  };
  if (base.help) return { ...base, args: {}, positionals: {} };
  const positionals = readPositionals(command.positionals ?? [], parsed.positionals);
  const args: Record<string, unknown> = {};
  for (const [name, def] of declared) args[name] = readArg(name, def, values[name]);
  return { ...base, args, positionals };
}

function hintOf(name: string, def: ArgDef): string {
  switch (def.type) {
    case 'boolean':
      return `--${name}`;
    case 'period':
      return `--${name} P`;
    case 'enum':
      return `--${name} ${def.values.join('|')}`;
    case 'list':
      // One of the values, or several joined by commas: `--kind six-month|annual|review[,...]`.
      return `--${name} ${def.values.join('|')}[,...]`;
    case 'dir':
      return `--${name} THƯ_MỤC`;
    case 'file':
      return `--${name} TỆP`;
    case 'string':
      return `--${name} ${def.hint ?? 'TEXT'}`;
    default: {
      const never: never = def;
      return String(never);
    }
  }
}

/** The usage line generated from the declarations, then the examples. */
export function formatUsage(command: AnyCommand): string {
  const parts = [`kehoach ${command.name}`];
  for (const p of command.positionals ?? []) {
    const word = p.values?.length === 1 ? p.values[0]! : `${p.name.toUpperCase()}${p.variadic ? '...' : ''}`;
    parts.push(p.required ? word : `[${word}]`);
  }
  for (const [name, def] of Object.entries(command.args as Record<string, ArgDef>)) {
    const hint = hintOf(name, def);
    parts.push('required' in def && def.required ? hint : `[${hint}]`);
  }
  if (command.needs?.config) parts.push('[--config TỆP]');
  if (command.needs?.database && command.needs.database !== 'none') parts.push('[--db TỆP]');
  return [parts.join(' '), ...(command.examples ?? []).map((e) => `       ${e}`)].join('\n');
}

/** The --help text of a command: summary, usage, one line per option. */
export function formatHelp(command: AnyCommand): string {
  const lines = [command.summary, '', `Cách dùng: ${formatUsage(command)}`, ''];
  for (const p of command.positionals ?? []) lines.push(`  ${p.name.toUpperCase().padEnd(24)} ${p.description}`);
  for (const [name, def] of Object.entries(command.args as Record<string, ArgDef>)) {
    lines.push(`  ${hintOf(name, def).padEnd(24)} ${def.description ?? 'kỳ báo cáo: 2025, 2025-H1, 2025-Q3, 2021-2025'}`);
  }
  if (command.needs?.config) lines.push(`  ${'--config TỆP'.padEnd(24)} tệp cấu hình (mặc định kehoach.config.json)`);
  lines.push(`  ${'--db TỆP'.padEnd(24)} cơ sở dữ liệu (mặc định biến KEHOACH_DB, rồi data/kehoach.sqlite)`);
  lines.push(`  ${'--debug'.padEnd(24)} khi lỗi, in cả chi tiết kỹ thuật (stack)`);
  return lines.join('\n');
}
