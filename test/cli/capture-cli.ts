// Test helper (CLI): runs `kehoach <argv>` in this process and captures its exit code, stdout and stderr.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import { main } from '../../pipeline/cli/main.ts';

/** What one command line gave. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs main(argv) with stdout and stderr captured.
 * @param onStderr called with every stderr chunk while the command runs (to act at a given stage)
 */
export async function captureCli(argv: string[], onStderr?: (chunk: string) => void): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    onStderr?.(String(chunk));
    return true;
  });
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'kehoach-cli-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
