// CLI: how a `kehoach <command>` is declared (citty's way): its arguments, parsed and checked once into typed values
// (a period into a `Period`, a list into its allowed values, a folder checked to be a folder), and its needs
// (database read or write, seeds, configuration). `run-command.ts` is the one place that meets those needs (opens,
// locks, seeds, closes) for every command; a command's own code only does its work.
import type { KehoachConfig } from '../config/config-schema.ts';
import type { OpenDatabase } from '../db/open-database.ts';
import type { Period } from '../shared/parse-period.ts';

/** Exit codes, documented in the README, so a scheduler can tell outcomes apart. */
export const EXIT = {
  /** Done; for `run`, the reports were produced. */
  ok: 0,
  /** Reports produced, but some submissions were rejected or agencies are missing. */
  partial: 1,
  /** Failed: nothing trustworthy was produced (operational errors included: paths, permissions, a full disk). */
  failed: 2,
  /** Usage error: unknown command or option, bad period. */
  usage: 64,
} as const;

/** Exit code of a command. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Free text: `--name TEXT`. */
export interface StringArg {
  type: 'string';
  /** Vietnamese, for --help. */
  description: string;
  /** Placeholder in the usage line. @default 'TEXT' */
  hint?: string;
  required?: boolean;
}

/** A switch: `--dry-run`. */
export interface BooleanArg {
  type: 'boolean';
  description: string;
}

/** `--period P`, parsed once into a `Period` (ND 09/2019 cut-offs); a bad period is a usage error. */
export interface PeriodArg {
  type: 'period';
  description?: string;
  required?: boolean;
}

/** One of fixed values: `--format table|csv`. */
export interface EnumArg {
  type: 'enum';
  description: string;
  values: readonly string[];
  default?: string;
  required?: boolean;
}

/** A comma-separated list of fixed values: `--format pdf,docx`. */
export interface ListArg {
  type: 'list';
  description: string;
  values: readonly string[];
  required?: boolean;
}

/**
 * A folder. `output` folders default to output/ under the repository (`default: 'output'`) and must not be a file;
 * `input` folders must exist.
 */
export interface DirArg {
  type: 'dir';
  description: string;
  role: 'input' | 'output';
  /** 'output' gives output/ under the repository when the option is absent. */
  default?: 'output';
  required?: boolean;
}

/** A file to read; it must exist and be a file. */
export interface FileArg {
  type: 'file';
  description: string;
  required?: boolean;
}

/** Any declared option. */
export type ArgDef = StringArg | BooleanArg | PeriodArg | EnumArg | ListArg | DirArg | FileArg;

/** A positional argument, in order; the last may take the rest (`variadic`). */
export interface PositionalDef {
  name: string;
  description: string;
  /** The only words accepted (a sub-command like `add`). */
  values?: readonly string[];
  required?: boolean;
  variadic?: boolean;
}

type Required<D> = D extends { required: true } ? true : D extends { default: string } ? true : false;
type Values<D> = D extends { values: readonly (infer V)[] } ? V : never;

/** The parsed value of one declared option. */
export type ArgValue<D> = D extends PeriodArg
  ? Required<D> extends true ? Period : Period | undefined
  : D extends BooleanArg
    ? boolean
    : D extends EnumArg
      ? Required<D> extends true ? Values<D> : Values<D> | undefined
      : D extends ListArg
        ? Required<D> extends true ? Values<D>[] : Values<D>[] | undefined
        : D extends DirArg | FileArg | StringArg
          ? Required<D> extends true ? string : string | undefined
          : never;

/** Parsed values of a command's options, typed from its declaration. */
export type ParsedArgs<A extends Record<string, ArgDef>> = { -readonly [K in keyof A]: ArgValue<A[K]> };

/** How a command uses the database. `write` takes the run lock before opening and holds it to the end. */
export type DatabaseAccess = 'none' | 'read' | 'write';

/** What a command needs before its code runs; the runner provides it and tears it down. */
export interface CommandNeeds<A extends Record<string, ArgDef>> {
  /** @default 'none'; a function decides from the arguments (`ingest --dry-run` only reads) */
  database?: DatabaseAccess | ((args: ParsedArgs<A>) => DatabaseAccess);
  /** A missing database file may be created (seed, plan import, ingest, run). @default false */
  createsDatabase?: boolean;
  /** The registry in the database must match seeds/ (loaded when it changed). @default false */
  seeds?: boolean;
  /** The configuration (--config FILE, else kehoach.config.json, else defaults), read once. @default false */
  config?: boolean;
}

/** What a command's code receives. */
export interface CommandContext<A extends Record<string, ArgDef>> {
  args: ParsedArgs<A>;
  /** Positional arguments by declared name; a variadic one holds the rest. */
  positionals: Record<string, string[]>;
  /** The open database (commands that declared `database`). */
  database: OpenDatabase;
  /** The database file, resolved (--db, KEHOACH_DB, default). */
  dbFile: string;
  /** --db as given, undefined when absent (the demo keeps its own default). */
  dbOption: string | undefined;
  /** The configuration (commands that declared `config`). */
  config: KehoachConfig;
  /** The command line, for the lock note and messages ("run --period 2025"). */
  commandLine: string;
  /** Writes a line for the person at the terminal (stdout). */
  out(line: string): void;
  /** Writes a progress or warning line (stderr), so stdout stays clean for csv/json. */
  log(line: string): void;
}

/** One command of the CLI. */
export interface CommandSpec<A extends Record<string, ArgDef> = Record<string, ArgDef>> {
  name: string;
  /** One Vietnamese line for `kehoach help`. */
  summary: string;
  args: A;
  positionals?: readonly PositionalDef[];
  needs?: CommandNeeds<A>;
  /**
   * Checks between arguments that declarations cannot say (a report kind that does not fit the period), run before
   * any need is met; throws PipelineError('usage').
   */
  check?(args: ParsedArgs<A>): void;
  /** Other ways to call it, shown under the usage line generated from the declarations. */
  examples?: readonly string[];
  run(ctx: CommandContext<A>): Promise<ExitCode>;
}

/** Any command, whatever its options (the registry of commands holds these). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = CommandSpec<any>;

/** Types a command from its declaration (the options' literal types give `ctx.args` its types). */
export function defineCommand<const A extends Record<string, ArgDef>>(spec: CommandSpec<A>): CommandSpec<A> {
  return spec;
}
