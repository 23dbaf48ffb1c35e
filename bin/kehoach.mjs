#!/usr/bin/env node
// CLI entry for `npx kehoach <command>`: registers tsx so the TypeScript sources run as they are, then hands over.
import { register } from 'tsx/esm/api';

register();
await import('../pipeline/cli/cli.ts');
