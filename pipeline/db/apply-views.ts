// Database: (re)creates the views of sql/staging, sql/intermediate and sql/marts, dbt-style: one file per view,
// the file name is the view name, the file holds only its select. Order follows the references between views.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { PipelineError } from '../shared/pipeline-error.ts';
import { PROJECT_PATHS } from '../shared/project-paths.ts';

/** The layers, in the order they may depend on each other. */
export const VIEW_LAYERS = ['staging', 'intermediate', 'marts'] as const;

interface ViewFile {
  name: string;
  file: string;
  sql: string;
}

function readViews(root: string): ViewFile[] {
  const views: ViewFile[] = [];
  for (const layer of VIEW_LAYERS) {
    const dir = path.join(root, layer);
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.sql')).sort()) {
      const sql = fs.readFileSync(path.join(dir, f), 'utf8').trim().replace(/;\s*$/, '');
      views.push({ name: path.basename(f, '.sql'), file: `${layer}/${f}`, sql });
    }
  }
  return views;
}

function stripComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ');
}

/** Orders views so each comes after the views its SQL names. */
function orderViews(views: ViewFile[]): ViewFile[] {
  const byName = new Map(views.map((v) => [v.name, v]));
  const deps = new Map<string, string[]>();
  for (const v of views) {
    const body = stripComments(v.sql);
    deps.set(
      v.name,
      views.filter((o) => o.name !== v.name && new RegExp(`\\b${o.name}\\b`).test(body)).map((o) => o.name),
    );
  }
  const ordered: ViewFile[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, trail: string[]): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      throw new PipelineError('migration', `Các view tham chiếu vòng tròn: ${[...trail, name].join(' -> ')}`);
    }
    state.set(name, 'visiting');
    for (const d of deps.get(name) ?? []) visit(d, [...trail, name]);
    state.set(name, 'done');
    ordered.push(byName.get(name)!);
  };
  for (const v of views) visit(v.name, []);
  return ordered;
}

/** Key in `meta` of the hash of the view definitions last created. */
const VIEWS_HASH_KEY = 'views_sha256';

/**
 * Drops every view and creates those of the `sql/` layers again when a view file changed since the last time (by
 * content hash, kept in `meta`), so a changed view always takes effect and an unchanged database is not written to
 * (a command that only reads then does not need the run lock).
 * @param root folder holding staging/, intermediate/, marts/ @default sql/
 * @returns the names of the views, in creation order
 */
export function applyViews(sqlite: BetterSqlite3.Database, root: string = PROJECT_PATHS.sql): string[] {
  const views = orderViews(readViews(root));
  const hash = crypto.createHash('sha256').update(JSON.stringify(views.map((v) => [v.name, v.sql]))).digest('hex');
  const existing = sqlite.prepare("select name from sqlite_master where type = 'view'").all() as { name: string }[];
  const stored = sqlite.prepare('select value from meta where key = ?').get(VIEWS_HASH_KEY) as { value: string } | undefined;
  const names = new Set(existing.map((v) => v.name));
  if (stored?.value === hash && views.every((v) => names.has(v.name))) return views.map((v) => v.name);
  const run = sqlite.transaction(() => {
    for (const { name } of existing) sqlite.exec(`drop view if exists "${name}"`);
    for (const v of views) {
      try {
        sqlite.exec(`create view "${v.name}" as\n${v.sql}`);
      } catch (cause) {
        throw new PipelineError('migration', `View sql/${v.file} lỗi: ${(cause as Error).message}`, { cause });
      }
    }
    sqlite
      .prepare('insert into meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value')
      .run(VIEWS_HASH_KEY, hash);
  });
  run.immediate();
  return views.map((v) => v.name);
}
