// CLI: `kehoach alias add` teaches a name agencies write for an indicator; it sticks (database and seeds/aliases.csv).
import { defineCommand, EXIT } from '../define-command.ts';
import { openDatabase } from '../../db/open-database.ts';
import { ensureSeeded } from '../../registry/ensure-seeded.ts';
import { addIndicatorAlias } from '../../registry/add-indicator-alias.ts';
import { loadIntakeRegistry } from '../../intake/match/load-intake-registry.ts';
import { resolveAgency } from '../../intake/match/resolve-agency.ts';
import { PipelineError } from '../../shared/pipeline-error.ts';

/** `kehoach alias add`: teaches an indicator name. */
export const aliasCommand = defineCommand({
  name: 'alias',
  summary: 'Dạy tên gọi khác của một chỉ tiêu: kehoach alias add --name "..." --indicator MÃ [--agency CƠ_QUAN]',
  usage: 'kehoach alias add --name "TÊN" --indicator MÃ_CHỈ_TIÊU [--agency CƠ_QUAN]',
  allowPositionals: true,
  options: { name: { type: 'string' }, indicator: { type: 'string' }, agency: { type: 'string' } },
  async run(values, positionals, ctx) {
    if (positionals[0] !== 'add' || positionals.length !== 1) throw new PipelineError('usage', 'Dùng: kehoach alias add --name "..." --indicator MÃ.');
    if (typeof values.name !== 'string' || typeof values.indicator !== 'string') {
      throw new PipelineError('usage', 'Cần --name và --indicator.');
    }
    const database = openDatabase({ file: ctx.dbFile });
    try {
      ensureSeeded(database.sqlite);
      let agency: string | undefined;
      if (typeof values.agency === 'string') {
        // The agency may be given by its Vietnamese name, as in the inbox folders: intake's resolver knows them all.
        const code = resolveAgency(loadIntakeRegistry(database.sqlite), values.agency);
        if (!code) throw new PipelineError('usage', `Không có cơ quan "${values.agency}".`);
        agency = code;
      }
      const r = addIndicatorAlias(database, { name: values.name, indicator: values.indicator, agency });
      ctx.out(`Đã dạy: "${r.alias}" là chỉ tiêu ${r.indicator}${r.agency ? ` (với ${r.agency})` : ''}; ghi thêm vào seeds/aliases.csv.`);
      return EXIT.ok;
    } finally {
      await database.close();
    }
  },
});
