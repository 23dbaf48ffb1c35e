// CLI: `kehoach serve` starts the period desk (web app) over the same database, lock and output folders as the other
// commands; it runs until stopped (Ctrl+C).
import path from 'node:path';
import { defineCommand, EXIT } from '../define-command.ts';
import { parseConfig } from '../../config/resolve-config.ts';
import { fromProjectRoot } from '../../shared/project-paths.ts';
import { DEMO_PERIODS } from '../../batch/run-demo.ts';
import { prepareDeskDemo } from '../../desk/prepare-desk-demo.ts';
import { startDesk } from '../../desk/start-desk.ts';
import { PipelineError } from '../../shared/pipeline-error.ts';

export const serveCommand = defineCommand({
  name: 'serve',
  summary: 'Mở bàn làm việc kỳ báo cáo (trang web) cho cán bộ và cho đơn vị nộp tệp',
  args: {
    host: { type: 'string', description: 'địa chỉ lắng nghe (mặc định 127.0.0.1: chỉ máy này)', hint: 'ĐỊA_CHỈ' },
    port: { type: 'string', description: 'cổng (mặc định 8080)', hint: 'CỔNG' },
    inbox: { type: 'dir', role: 'output', description: 'thư mục hộp thư, mỗi kỳ một thư mục con (mặc định inbox/)' },
    out: { type: 'dir', role: 'output', default: 'output', description: 'thư mục gốc ghi kết quả (mặc định output/)' },
    url: { type: 'string', description: 'địa chỉ công khai của bàn làm việc sau máy chủ HTTPS, dùng trong đường dẫn nộp tệp', hint: 'https://...' },
    'secure-cookie': { type: 'boolean', description: 'cookie chỉ gửi qua HTTPS (khi đặt sau máy chủ HTTPS)' },
    demo: { type: 'boolean', description: 'chạy trên số liệu minh họa (samples/), cơ sở dữ liệu riêng, tài khoản thử' },
  },
  needs: { database: 'none', config: true },
  async run({ args, dbOption, config, out }) {
    const port = args.port === undefined ? 8080 : Number(args.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new PipelineError('usage', `Cổng "${args.port}" không hợp lệ (0-65535).`);
    if (args.url !== undefined && !/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(args.url)) {
      throw new PipelineError('usage', `Địa chỉ --url "${args.url}" không hợp lệ (ví dụ https://kehoach.stc.quangngai.gov.vn).`);
    }
    const demo = args.demo ? await prepareDeskDemo() : null;
    const desk = await startDesk({
      host: args.host ?? '127.0.0.1',
      port,
      dbFile: demo?.dbFile ?? dbOption,
      outDir: demo?.outDir ?? args.out,
      // The demo's confirmed names go into its scratch copy of seeds/, never into the checkout's seeds/aliases.csv.
      ...(demo ? { seedsDir: demo.seedsDir } : {}),
      inboxDir: demo?.inboxDir ?? (args.inbox ? path.resolve(args.inbox) : fromProjectRoot('inbox')),
      publicUrl: args.url,
      secureCookies: args['secure-cookie'],
      // The demo signs each sample period on the date `kehoach demo` does.
      reportDates: demo ? Object.fromEntries(DEMO_PERIODS.map((p) => [p.period, p.reportDate])) : undefined,
      config: demo ? parseConfig({ ...config, report: { ...config.report, illustrative: true } }, 'Cấu hình minh họa') : config,
    });
    out(`Bàn làm việc kỳ báo cáo: ${desk.url}  (dừng: Ctrl+C)`);
    if (demo) {
      out('Bản minh họa (SỐ LIỆU MINH HỌA). Tài khoản cho lần chạy này:');
      for (const a of demo.accounts) out(`  ${a.username} / ${a.password}  (${a.role === 'lanh_dao' ? 'lãnh đạo phòng' : 'chuyên viên'})`);
      out(`Mở ${desk.url}/ky/2025-H1 và bấm "Chạy kỳ".`);
    }
    if (!['127.0.0.1', 'localhost', '::1'].includes(args.host ?? '127.0.0.1')) {
      out('Lưu ý: đang lắng nghe ngoài máy này. Hãy đặt bàn làm việc sau máy chủ HTTPS của cơ quan (README, mục "Bàn làm việc").');
    }
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    out('Đang dừng…');
    await desk.close();
    return EXIT.ok;
  },
});
