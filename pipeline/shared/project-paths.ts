// Shared (all stages): where the project's folders are and the defaults that depend on them. The one home of every
// path rule: the repository root, the folders a run reads (seeds, sql, templates) and writes (output, data), the
// default database, the configuration file names. Stages import from here, never build these paths themselves.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Absolute path of the repository root (the folder holding package.json). */
export const PROJECT_ROOT: string = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Resolves a path relative to the repository root. */
export function fromProjectRoot(...parts: string[]): string {
  return path.join(PROJECT_ROOT, ...parts);
}

/** The project's folders and default files, absolute. */
export const PROJECT_PATHS = Object.freeze({
  /** Reviewed reference data (the plan registry). */
  seeds: fromProjectRoot('seeds'),
  /** sql/: migrations, staging, intermediate, marts, checks. */
  sql: fromProjectRoot('sql'),
  migrations: fromProjectRoot('sql', 'migrations'),
  checks: fromProjectRoot('sql', 'checks'),
  /** Handlebars templates, one set for every output format. */
  templates: fromProjectRoot('templates'),
  /** Default output root of every command: files go to output/<period>/. */
  output: fromProjectRoot('output'),
  /** Database and archive of received files. */
  data: fromProjectRoot('data'),
  /** Default database when neither --db nor KEHOACH_DB is given. */
  database: fromProjectRoot('data', 'kehoach.sqlite'),
  /** The demo's own database (never the real one). */
  demoDatabase: fromProjectRoot('data', 'demo.sqlite'),
  /** Bundled illustrative inbox of `npm start`. */
  samples: fromProjectRoot('samples'),
  /** Where `npx @puppeteer/browsers install ... --path .cache/browsers` puts a browser for this project. */
  browserCache: fromProjectRoot('.cache', 'browsers'),
});

/** Configuration file names looked for in the repository root, in order. */
export const CONFIG_FILE_NAMES = ['kehoach.config.json'] as const;

/** Environment variable naming the database file (after --db, before the default). */
export const DB_ENV_VARIABLE = 'KEHOACH_DB';

/**
 * Resolves the database file: the option, then KEHOACH_DB, then data/kehoach.sqlite; absolute, or ':memory:'.
 * @param file --db as given
 */
export function resolveDbFile(file?: string): string {
  const chosen = file ?? process.env[DB_ENV_VARIABLE] ?? PROJECT_PATHS.database;
  return chosen === ':memory:' ? chosen : path.resolve(chosen);
}

/**
 * Resolves an output root: the option made absolute, else output/ under the repository.
 * @param out --out as given
 */
export function resolveOutDir(out?: string): string {
  return out === undefined ? PROJECT_PATHS.output : path.resolve(out);
}
