// Shared (all stages): the one error class for failures of the pipeline itself, with a stable code.

/** Stable codes a caller (the CLI, a scheduler reading summary.json) can switch on. */
export type PipelineErrorCode =
  | 'usage'
  | 'config'
  | 'seed'
  | 'migration'
  | 'database-busy'
  /** The database file is missing, empty, corrupt, not a database, or was replaced during the run. */
  | 'database'
  /** The machine refused: permissions, a full disk, a path that is a file where a folder is needed, and so on. */
  | 'io'
  | 'period-closed'
  | 'intake'
  | 'reconcile'
  | 'report'
  | 'browser'
  | 'plan-import'
  | 'internal';

/**
 * A failure of the pipeline (not a problem in one agency's data, which is a `DataProblem`).
 * The message is Vietnamese, for the staff who run the command; `code` is for programs.
 */
export class PipelineError extends Error {
  override readonly name = 'PipelineError';

  constructor(
    readonly code: PipelineErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Guard for `PipelineError`, usable across module copies. */
export function isPipelineError(error: unknown): error is PipelineError {
  return error instanceof Error && error.name === 'PipelineError' && 'code' in error;
}
