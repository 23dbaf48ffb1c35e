// CLI: the one place that meets a command's declared needs: reads the configuration, takes the run lock (commands
// that write), opens and checks the database, brings the registry up to date, runs the command, checks the database
// file is still the one opened, then closes and releases whatever happened.
import { resolveConfig } from '../config/resolve-config.ts';
import { acquireRunLock } from '../db/acquire-run-lock.ts';
import { openDatabase, type OpenDatabase } from '../db/open-database.ts';
import { ensureSeeded, hashSeeds } from '../registry/ensure-seeded.ts';
import { PipelineError } from '../shared/pipeline-error.ts';
import { resolveDbFile } from '../shared/project-paths.ts';
import type { KehoachConfig } from '../config/config-schema.ts';
import type { AnyCommand, CommandContext, DatabaseAccess, ExitCode } from './define-command.ts';
import type { ParsedCommandLine } from './parse-command-args.ts';

/** Where a command writes its lines. */
export interface CommandIo {
  out(line: string): void;
  log(line: string): void;
}

function isSeedCurrent(database: OpenDatabase): boolean {
  const row = database.sqlite.prepare("select value from meta where key = 'seed_hash'").get() as { value: string } | undefined;
  return row?.value === hashSeeds();
}

/** Loads seeds/ when it changed; a reading command takes the lock just for that write. */
function bringSeedsUpToDate(database: OpenDatabase, access: DatabaseAccess, dbFile: string, commandLine: string): void {
  if (access === 'write') {
    ensureSeeded(database.sqlite);
    return;
  }
  if (isSeedCurrent(database)) return;
  const lock = acquireRunLock(dbFile, `${commandLine} (nạp lại danh mục)`);
  try {
    ensureSeeded(database.sqlite);
  } finally {
    lock.release();
  }
}

function unavailable(what: string): never {
  throw new PipelineError('internal', `Lệnh dùng ${what} mà không khai báo trong needs.`);
}

/**
 * Runs a parsed command with its needs met, and returns its exit code. Errors propagate to `main`, which turns them
 * into messages; the lock and the database are released on every path.
 */
export async function runCommand(command: AnyCommand, line: ParsedCommandLine, io: CommandIo): Promise<ExitCode> {
  const needs = command.needs ?? {};
  const args = line.args;
  const access: DatabaseAccess = typeof needs.database === 'function' ? needs.database(args) : (needs.database ?? 'none');
  command.check?.(args);
  const dbFile = resolveDbFile(line.db);
  const commandLine = [command.name, ...Object.values(line.positionals).flat(), ...(args.period ? [`--period ${(args.period as { id: string }).id}`] : [])].join(' ');
  const config: KehoachConfig | null = needs.config ? resolveConfig(line.config) : null;
  const lock = access === 'write' ? acquireRunLock(dbFile, commandLine) : null;
  try {
    const database = access === 'none' ? null : openDatabase({ file: dbFile, create: needs.createsDatabase ?? false });
    try {
      if (database && needs.seeds) bringSeedsUpToDate(database, access, dbFile, commandLine);
      const ctx: CommandContext<Record<string, never>> = {
        args: args as never,
        positionals: line.positionals,
        get database() {
          return database ?? unavailable('cơ sở dữ liệu');
        },
        get config() {
          return config ?? unavailable('cấu hình');
        },
        dbFile,
        dbOption: line.db,
        commandLine,
        out: io.out,
        log: io.log,
      };
      const code = await command.run(ctx);
      // A database deleted or replaced while the command ran holds nothing of what it wrote: not a success.
      database?.assertSameFile();
      return code;
    } finally {
      await database?.close();
    }
  } finally {
    lock?.release();
  }
}
