// CLI: the shape of one `kehoach <command>`; each command lives in commands/<name>.ts.
import type { ParseArgsConfig } from 'node:util';

/** Exit codes, documented in the README, so a scheduler can tell outcomes apart. */
export const EXIT = {
  /** Done; for `run`, the reports were produced. */
  ok: 0,
  /** Reports produced, but some submissions were rejected or agencies are missing. */
  partial: 1,
  /** Failed: nothing trustworthy was produced. */
  failed: 2,
  /** Usage error: unknown command or option, bad period. */
  usage: 64,
} as const;

/** Exit code of a command. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What every command receives besides its own options. */
export interface CommandContext {
  /** Database file from --db, or undefined for KEHOACH_DB / the default. */
  dbFile: string | undefined;
  /** Writes a line for the person at the terminal (stdout). */
  out(line: string): void;
  /** Writes a progress or warning line (stderr), so stdout stays clean for csv/json. */
  log(line: string): void;
}

/** Parsed option values, as node:util parseArgs gives them. */
export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** One command of the CLI. */
export interface CommandSpec {
  name: string;
  /** One Vietnamese line for `kehoach help`. */
  summary: string;
  /** Usage line(s) shown on a usage error. */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Whether positional arguments are allowed. @default false */
  allowPositionals?: boolean;
  run(values: OptionValues, positionals: string[], ctx: CommandContext): Promise<ExitCode>;
}

/** Identity helper that types a command spec. */
export function defineCommand(spec: CommandSpec): CommandSpec {
  return spec;
}
