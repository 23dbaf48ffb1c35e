// CLI entry point (bin/kehoach.mjs and `npm start` run this file): runs main and exits with its code.
import { main } from './main.ts';

const code = await main(process.argv.slice(2));
// Exit explicitly: a browser or worker left open by a failed stage must not keep the process alive.
process.exit(code);
