// CLI: every command, in the order `kehoach help` lists them (the order of the pipeline). Add a command here and in
// its own file.
import type { AnyCommand } from '../define-command.ts';
import { seedCommand } from './seed.ts';
import { targetsCommand } from './targets.ts';
import { planCommand } from './plan.ts';
import { formsCommand } from './forms.ts';
import { ingestCommand } from './ingest.ts';
import { valuesCommand } from './values.ts';
import { statusCommand } from './status.ts';
import { aliasCommand } from './alias.ts';
import { reconcileCommand } from './reconcile.ts';
import { reportCommand } from './report.ts';
import { runCommand } from './run.ts';
import { closeCommand } from './close.ts';
import { demoCommand } from './demo.ts';
import { serveCommand } from './serve.ts';
import { userCommand } from './user.ts';

/** All commands of the CLI. */
export const COMMANDS: readonly AnyCommand[] = [
  seedCommand,
  targetsCommand,
  planCommand,
  formsCommand,
  ingestCommand,
  valuesCommand,
  statusCommand,
  aliasCommand,
  reconcileCommand,
  reportCommand,
  runCommand,
  closeCommand,
  demoCommand,
  serveCommand,
  userCommand,
];
