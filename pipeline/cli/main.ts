// CLI entry: `kehoach <command> [options]`. The only place that calls process.exit.
import { parseArgs } from 'node:util';
import { COMMANDS } from './commands/index.ts';
import { EXIT, type CommandContext, type ExitCode } from './define-command.ts';
import { isPipelineError } from '../shared/pipeline-error.ts';

function helpText(): string {
  const lines = ['Cách dùng: kehoach <lệnh> [tuỳ chọn]   (mọi lệnh nhận --db FILE hoặc biến môi trường KEHOACH_DB)', '', 'Các lệnh:'];
  for (const c of COMMANDS) lines.push(`  ${c.name.padEnd(10)} ${c.summary}`);
  lines.push('', 'Xem tuỳ chọn của một lệnh: kehoach <lệnh> --help');
  return lines.join('\n');
}

/** Runs one command line and returns its exit code. */
export async function main(argv: string[]): Promise<ExitCode> {
  const [name, ...rest] = argv;
  const ctx: Omit<CommandContext, 'dbFile'> = {
    out: (line) => process.stdout.write(`${line}\n`),
    log: (line) => process.stderr.write(`${line}\n`),
  };
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    ctx.out(helpText());
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    ctx.log(`Không có lệnh "${name}".\n\n${helpText()}`);
    return EXIT.usage;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, db: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
  } catch (error) {
    ctx.log(`${(error as Error).message}\n\nCách dùng: ${command.usage}`);
    return EXIT.usage;
  }
  if (parsed.values.help) {
    ctx.out(`${command.summary}\n\nCách dùng: ${command.usage}`);
    return EXIT.ok;
  }
  const dbFile = typeof parsed.values.db === 'string' ? parsed.values.db : undefined;
  try {
    return await command.run(parsed.values, parsed.positionals, { ...ctx, dbFile });
  } catch (error) {
    if (isPipelineError(error)) {
      ctx.log(`Lỗi: ${error.message}`);
      if (error.code === 'usage') ctx.log(`Cách dùng: ${command.usage}`);
      return error.code === 'usage' ? EXIT.usage : EXIT.failed;
    }
    ctx.log(`Lỗi không lường trước: ${(error as Error).stack ?? String(error)}`);
    return EXIT.failed;
  }
}
