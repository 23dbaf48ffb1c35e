// Benchmark case (issue 11): three dense 49 MB CSVs, in three agency folders beside the normal province inbox. Run in
// its own process by `npm run bench` (or alone: `npx tsx bench/run-dense-csv-case.ts`) so that its peak memory is its
// own. The run must end with the dense files refused and every other agency's figures in the reports. Prints; asserts
// nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../pipeline/db/open-database.ts';
import { parseConfig } from '../pipeline/config/resolve-config.ts';
import { runPeriod } from '../pipeline/batch/run-period.ts';
import { parsePeriod } from '../pipeline/shared/parse-period.ts';
import { writeBenchInbox, writeBenchSeeds, writeDenseCsv, writeDenseMatchingCsv, type BenchSize } from './make-bench-data.ts';

const PROVINCE: BenchSize = { agencies: 30, indicators: 400 };
const DENSE_BYTES = Number(process.env.BENCH_DENSE_MB ?? 49) * 1024 * 1024;

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MiB`;
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kehoach-bench-dense-'));
  try {
    const seedsDir = path.join(root, 'seeds');
    const inbox = path.join(root, 'inbox');
    writeBenchSeeds(seedsDir, PROVINCE);
    await writeBenchInbox(seedsDir, inbox, PROVINCE);
    const register = fs.readFileSync(path.join(inbox, '_received.csv'), 'utf8').trimEnd().split('\n');
    const dense = ['so-bench-28', 'so-bench-29', 'so-bench-30'].map((agency) => `${agency}/phu-luc-chi-tiet.csv`);
    for (const rel of dense) {
      writeDenseCsv(path.join(inbox, rel), DENSE_BYTES);
      // Later than the agency's real report: if it were taken, it would supersede that report.
      register.push(`"${rel}",2025-12-16T02:00:00Z`);
    }
    // A fourth shape (review F2): every row names a registry indicator, nearly every cell a problem.
    const matching = 'so-bench-27/bang-chi-tieu-day.csv';
    writeDenseMatchingCsv(path.join(inbox, matching), DENSE_BYTES, PROVINCE.indicators);
    register.push(`"${matching}",2025-12-16T02:00:00Z`);
    dense.push(matching);
    fs.writeFileSync(path.join(inbox, '_received.csv'), `${register.join('\n')}\n`);
    const sizes = dense.map((rel) => fs.statSync(path.join(inbox, rel)).size);
    console.log(`== Three dense CSVs and one naming real indicators (${sizes.map(mib).join(', ')}) in three agency folders beside the province inbox`);

    const started = performance.now();
    const database = openDatabase({ file: path.join(root, 'k.sqlite') });
    try {
      const outcome = await runPeriod(database, {
        period: parsePeriod('2025'),
        seedsDir,
        inbox,
        outDir: path.join(root, 'output'),
        kinds: ['annual'],
        config: parseConfig({ report: { date: '2025-12-22', formats: ['pdf', 'docx', 'html'] } }, 'bench'),
        archiveDir: path.join(root, 'archive'),
      });
      const seconds = (performance.now() - started) / 1000;
      for (const st of outcome.stages) console.log(`  ${st.stage.padEnd(10)} ${(st.ms / 1000).toFixed(2)} s  ${st.status}  ${st.detail}`);
      const summary = JSON.parse(fs.readFileSync(path.join(root, 'output', '2025', 'summary.json'), 'utf8')) as {
        files: { source: string; status: string; reason: string | null; problems?: unknown[] }[];
      };
      for (const rel of dense) {
        const f = summary.files.find((x) => x.source === rel);
        console.log(`  ${rel}: ${f?.status ?? '?'} - ${f?.reason ?? ''} (${f?.problems?.length ?? 0} vấn đề ghi lại)`);
      }
      const reports = outcome.outputs.filter((o) => /annual\.(pdf|docx|html)$/.test(o));
      const accepted = summary.files.filter((f) => f.status !== 'rejected').length;
      console.log(`  result ${outcome.result}; ${accepted} other files taken; reports written: ${reports.join(', ') || 'none'}`);
      console.log(`  summary.json ${mib(fs.statSync(path.join(root, 'output', '2025', 'summary.json')).size)}; total ${seconds.toFixed(1)} s`);
    } finally {
      await database.close();
    }
    console.log(`  peak resident memory of this run ${mib(process.resourceUsage().maxRSS * 1024)} (aim: under 1 GB)`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

await main();
