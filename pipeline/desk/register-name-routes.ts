// Desk: the names the matcher did not know: suggestions to confirm, another indicator to choose; the affected
// files are taken in again.
import type { Hono } from 'hono';
import { PipelineError } from '../shared/pipeline-error.ts';
import { confirmIndicatorName } from './confirm-indicator-name.ts';
import type { DeskContext } from './create-desk-context.ts';
import { field, page, setFlash, type DeskEnv } from './desk-http.ts';
import { listIndicatorChoices, listUnknownNames } from './list-unknown-names.ts';
import { periodParam } from './register-board-routes.ts';

/** Registers GET/POST /ky/:period/ten-chi-tieu. */
export function registerNameRoutes(app: Hono<DeskEnv>, ctx: DeskContext): void {
  app.get('/ky/:period/ten-chi-tieu', (c) => {
    const period = periodParam(c);
    const names = listUnknownNames(ctx.database, period.id);
    const choices = new Map<string, ReturnType<typeof listIndicatorChoices>>();
    const items = names.map((n, i) => {
      if (!choices.has(n.agency)) choices.set(n.agency, listIndicatorChoices(ctx.database, period.id, n.agency));
      return { ...n, index: i, choices: choices.get(n.agency)!, firstPlace: n.places[0] ?? null, morePlaces: n.places.length - 1 };
    });
    return page(c, 'names', { title: `Tên chỉ tiêu chưa nhận ra — kỳ ${period.label}`, period: period.id, nav: 'names' }, { period, items });
  });

  app.post('/ky/:period/ten-chi-tieu', async (c) => {
    const period = periodParam(c);
    const name = field(c, 'ten');
    // A suggestion chosen, or "Chỉ tiêu khác" (empty radio value) with an indicator from the list.
    const indicator = field(c, 'chi_tieu') || field(c, 'chi_tieu_khac');
    const agency = field(c, 'co_quan');
    const scope = field(c, 'pham_vi');
    if (!name || !indicator) {
      setFlash(c, ctx, 'error', `Chưa chọn chỉ tiêu cho "${name}": chọn một gợi ý, hoặc "Chỉ tiêu khác" rồi chọn trong danh sách.`);
      return c.redirect(`/ky/${period.id}/ten-chi-tieu`, 303);
    }
    const known = ctx.database.sqlite.prepare('select code from agencies where code = ?').get(agency);
    if (!known) throw new PipelineError('usage', `Không có cơ quan "${agency}".`);
    const result = await confirmIndicatorName(ctx, {
      period: period.id,
      name,
      indicator,
      agency: scope === 'moi-co-quan' ? null : agency,
      by: c.get('session').user.username,
    });
    const files = result.files.map((f) => `${f.file} (${{ accepted: 'đã nhận', partial: 'nhận một phần', rejected: 'không nhận' }[f.status]})`);
    setFlash(c, ctx, 'ok', `Đã ghi "${result.alias}" là chỉ tiêu ${indicator}. Đọc lại ${files.length} tệp: ${files.join('; ') || 'không có'}.`);
    return c.redirect(`/ky/${period.id}/ten-chi-tieu`, 303);
  });
}
