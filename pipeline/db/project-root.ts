// Database (and older imports): the repository root now lives in shared/project-paths.ts, the one home of path
// rules; this module re-exports it so imports in other stages keep working until they move.
export { PROJECT_ROOT as projectRoot, fromProjectRoot } from '../shared/project-paths.ts';
