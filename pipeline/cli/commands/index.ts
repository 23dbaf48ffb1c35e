// CLI: every command, in the order `kehoach help` lists them. Add a command here and in its own file.
import type { CommandSpec } from '../define-command.ts';
import { seedCommand } from './seed.ts';
import { targetsCommand } from './targets.ts';

/** All commands of the CLI. */
export const COMMANDS: readonly CommandSpec[] = [seedCommand, targetsCommand];
