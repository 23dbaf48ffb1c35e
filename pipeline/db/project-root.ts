// Database (and every stage that reads project files): where the repository is on disk.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** Absolute path of the repository root (the folder holding package.json). */
export const projectRoot: string = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Resolves a path relative to the repository root. */
export function fromProjectRoot(...parts: string[]): string {
  return path.join(projectRoot, ...parts);
}
