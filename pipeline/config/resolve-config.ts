// Configuration: read once at the edge (the CLI), validated, defaults applied, frozen.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { configSchema, DEFAULT_ISSUERS, type KehoachConfig } from './config-schema.ts';
import { PipelineError } from '../shared/pipeline-error.ts';
import { toOperationalError } from '../shared/to-operational-error.ts';
import { CONFIG_FILE_NAMES, PROJECT_ROOT } from '../shared/project-paths.ts';

export { CONFIG_FILE_NAMES } from '../shared/project-paths.ts';

// Staff read these messages: zod's Vietnamese locale ("mong đợi số, nhận được string").
z.config(z.locales.vi());

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Validates a configuration object (from a file or a test) and returns it frozen, with defaults.
 * Errors name each wrong field in Vietnamese.
 */
export function parseConfig(input: unknown, source = 'cấu hình'): KehoachConfig {
  const withIssuers = { issuers: DEFAULT_ISSUERS, ...(input as object) };
  const result = configSchema.safeParse(withIssuers);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.') || '(gốc)'}: ${i.message}`);
    throw new PipelineError('config', `${source} không hợp lệ:\n${lines.join('\n')}`);
  }
  return deepFreeze(result.data);
}

/** Where a JSON syntax error is, as "dòng L, cột C", from the position V8's message gives (none: the end). */
function describeJsonError(text: string, cause: unknown): string {
  if (text.trim() === '') return 'tệp rỗng; hãy ghi ít nhất {} hoặc xoá tệp';
  const match = /position (\d+)/.exec((cause as Error).message ?? '');
  const at = match ? Number(match[1]) : text.length;
  const before = text.slice(0, at).split('\n');
  const near = JSON.stringify(text.slice(at, at + 12));
  return `lỗi cú pháp ở dòng ${before.length}, cột ${before[before.length - 1]!.length + 1} (gần ${near}); hãy kiểm tra dấu phẩy thừa hoặc thiếu, dấu ngoặc và dấu ngoặc kép quanh tên khoá`;
}

/** The configuration file to read: the one given, else the working folder's, else the repository root's, else none. */
function findConfigFile(file: string | undefined, cwd: string): string | null {
  if (file) {
    const given = path.resolve(file);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch {
      throw new PipelineError('config', `Không thấy tệp cấu hình ${file}.`);
    }
    if (stat.isDirectory()) throw new PipelineError('config', `${given} là một thư mục, không phải tệp cấu hình; hãy chỉ --config đến tệp, ví dụ ${path.join(given, CONFIG_FILE_NAMES[0])}.`);
    return given;
  }
  const folders = [...new Set([path.resolve(cwd), PROJECT_ROOT])];
  for (const folder of folders) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(folder, name);
      if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
    }
  }
  return null;
}

/**
 * Reads the configuration: the file given (--config), else kehoach.config.json in the working folder (an office that
 * keeps its data and configuration in its own folder and runs `npx kehoach` there), else the one in the repository
 * root, else the defaults. The first found is the only one read.
 * @param file explicit path (--config)
 * @param cwd the working folder @default process.cwd()
 * @throws PipelineError('config') naming the file: missing, a folder, not JSON (with line and column), not valid
 */
export function resolveConfig(file?: string, cwd: string = process.cwd()): KehoachConfig {
  const found = findConfigFile(file, cwd);
  if (!found) return parseConfig({}, 'Cấu hình mặc định');
  let text: string;
  try {
    // Notepad and some editors save UTF-8 with a byte order mark, which JSON.parse refuses.
    text = fs.readFileSync(found, 'utf8').replace(/^\uFEFF/, '');
  } catch (cause) {
    throw toOperationalError(cause) ?? cause;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    throw new PipelineError('config', `Tệp cấu hình ${found} không phải JSON hợp lệ: ${describeJsonError(text, cause)}.`, { cause });
  }
  return parseConfig(raw, `Tệp cấu hình ${found}`);
}
