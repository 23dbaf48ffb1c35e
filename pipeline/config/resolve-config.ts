// Configuration: read once at the edge (the CLI), validated, defaults applied, frozen.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { configSchema, DEFAULT_ISSUERS, type KehoachConfig } from './config-schema.ts';
import { PipelineError } from '../shared/pipeline-error.ts';
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

/**
 * Reads the configuration: the file given, else kehoach.config.json in the repository root, else the defaults.
 * @param file explicit path (--config)
 */
export function resolveConfig(file?: string): KehoachConfig {
  const candidates = file ? [path.resolve(file)] : CONFIG_FILE_NAMES.map((n) => path.join(PROJECT_ROOT, n));
  const found = candidates.find((c) => fs.existsSync(c));
  if (file && !found) throw new PipelineError('config', `Không thấy tệp cấu hình ${file}.`);
  if (!found) return parseConfig({}, 'Cấu hình mặc định');
  let raw: unknown;
  try {
    // Notepad and some editors save UTF-8 with a byte order mark, which JSON.parse refuses.
    raw = JSON.parse(fs.readFileSync(found, 'utf8').replace(/^\uFEFF/, ''));
  } catch (cause) {
    throw new PipelineError('config', `Tệp cấu hình ${found} không phải JSON hợp lệ: ${(cause as Error).message}`, { cause });
  }
  return parseConfig(raw, `Tệp cấu hình ${found}`);
}
