// CLI entry: `kehoach <command> [options]`. Finds the command, parses its declared arguments, runs it through the one
// runner of needs, and turns every error into a Vietnamese message and an exit code (README, "Exit codes"): usage
// 64, everything else that stops a command 2, with the stack only under --debug. The only caller of process.exit is
// cli.ts, with what this returns.
import { COMMANDS } from './commands/index.ts';
import { EXIT, type AnyCommand, type ExitCode } from './define-command.ts';
import { formatHelp, formatUsage, parseCommandArgs, type ParsedCommandLine } from './parse-command-args.ts';
import { runCommand, type CommandIo } from './run-command.ts';
import { isPipelineError } from '../shared/pipeline-error.ts';
import { toOperationalError } from '../shared/to-operational-error.ts';
import { resolveDbFile } from '../shared/project-paths.ts';

function helpText(): string {
  const lines = ['Cách dùng: kehoach <lệnh> [tuỳ chọn]   (mọi lệnh nhận --db FILE hoặc biến môi trường KEHOACH_DB, và --debug)', '', 'Các lệnh:'];
  for (const c of COMMANDS) lines.push(`  ${c.name.padEnd(10)} ${c.summary}`);
  lines.push('', 'Xem tuỳ chọn của một lệnh: kehoach <lệnh> --help');
  return lines.join('\n');
}

/** The stack of an error and of each cause under it, for --debug. */
function stackOf(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e !== undefined && depth < 5; e = (e as Error)?.cause, depth++) {
    parts.push(depth === 0 ? String((e as Error)?.stack ?? e) : `Nguyên nhân: ${String((e as Error)?.stack ?? e)}`);
  }
  return parts.join('\n');
}

/** Reports an error the way staff should read it and returns the exit code it means. */
function reportError(error: unknown, command: AnyCommand, debug: boolean, dbFile: string | undefined, io: CommandIo): ExitCode {
  const known = isPipelineError(error) ? error : toOperationalError(error, { database: dbFile });
  if (known) {
    io.log(`Lỗi: ${known.message}`);
    if (known.code === 'usage') io.log(`Cách dùng: ${formatUsage(command)}`);
  } else {
    const first = (error as Error)?.message?.split('\n')[0] ?? String(error);
    io.log(`Lỗi không lường trước: ${first}`);
    if (!debug) io.log('Chạy lại lệnh với --debug để xem chi tiết kỹ thuật, và gửi kèm khi báo lỗi.');
  }
  if (debug) io.log(stackOf(error));
  return known?.code === 'usage' ? EXIT.usage : EXIT.failed;
}

/** Runs one command line and returns its exit code. */
export async function main(argv: string[]): Promise<ExitCode> {
  const [name, ...rest] = argv;
  const io: CommandIo = {
    out: (line) => process.stdout.write(`${line}\n`),
    log: (line) => process.stderr.write(`${line}\n`),
  };
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(helpText());
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.log(`Không có lệnh "${name}".\n\n${helpText()}`);
    return EXIT.usage;
  }
  let line: ParsedCommandLine | null = null;
  try {
    line = parseCommandArgs(command, rest);
    if (line.help) {
      io.out(formatHelp(command));
      return EXIT.ok;
    }
    return await runCommand(command, line, io);
  } catch (error) {
    const debug = line?.debug ?? rest.includes('--debug');
    let dbFile: string | undefined;
    try {
      dbFile = resolveDbFile(line?.db);
    } catch {
      dbFile = undefined;
    }
    return reportError(error, command, debug, dbFile, io);
  }
}
