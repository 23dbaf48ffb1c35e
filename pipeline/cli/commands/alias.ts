// CLI: `kehoach alias add` teaches a name agencies write for an indicator; it sticks (database and seeds/aliases.csv).
import { defineCommand, EXIT } from '../define-command.ts';
import { addIndicatorAlias } from '../../registry/add-indicator-alias.ts';
import { loadIntakeRegistry } from '../../intake/match/load-intake-registry.ts';
import { resolveAgency } from '../../intake/match/resolve-agency.ts';
import { PipelineError } from '../../shared/pipeline-error.ts';

/** `kehoach alias add`: teaches an indicator name. */
export const aliasCommand = defineCommand({
  name: 'alias',
  summary: 'Dạy tên gọi khác của một chỉ tiêu: kehoach alias add --name "..." --indicator MÃ [--agency CƠ_QUAN]',
  positionals: [{ name: 'action', description: 'add: dạy một tên gọi', values: ['add'], required: true }],
  args: {
    name: { type: 'string', description: 'tên cơ quan viết trong tệp', hint: '"TÊN"', required: true },
    indicator: { type: 'string', description: 'mã chỉ tiêu', hint: 'MÃ_CHỈ_TIÊU', required: true },
    agency: { type: 'string', description: 'chỉ khi cơ quan này viết (mặc định: mọi cơ quan)', hint: 'CƠ_QUAN' },
  },
  needs: { database: 'write', seeds: true },
  async run({ args, database, out }) {
    let agency: string | undefined;
    if (args.agency !== undefined) {
      // The agency may be given by its Vietnamese name, as in the inbox folders: intake's resolver knows them all.
      const code = resolveAgency(loadIntakeRegistry(database.sqlite), args.agency);
      if (!code) throw new PipelineError('usage', `Không có cơ quan "${args.agency}".`);
      agency = code;
    }
    const r = addIndicatorAlias(database, { name: args.name, indicator: args.indicator, agency });
    out(`Đã dạy: "${r.alias}" là chỉ tiêu ${r.indicator}${r.agency ? ` (với ${r.agency})` : ''}; ghi thêm vào seeds/aliases.csv.`);
    return EXIT.ok;
  },
});
