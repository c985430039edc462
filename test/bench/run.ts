/**
 * `npm run bench`: runs every scenario on a fresh local cloud and writes docs/bench.md.
 * `npm run bench -- hotSignup` (or `LINLI_BENCH=hotSignup,groups`) runs only the named
 * scenarios and replaces just their sections of docs/bench.md.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeDataDir, startCloud, type RunningCloud } from '../support/localCloud';
import { mergeReport, renderReport, type Row } from './harness';
import { emulatorScenarios } from './scenarios/emulator';
import { groupScenarios } from './scenarios/groups';
import { startupScenarios } from './scenarios/startup';
import { activityScenarios, hotSignupScenarios } from './scenarios/activities';
import { appScenarios } from './scenarios/app';
import { ledgerScenarios } from './scenarios/ledger';
import { dashboardScenarios } from './scenarios/dashboards';

export interface BenchContext {
  cloud: RunningCloud;
  dir: string;
}

async function main(): Promise<void> {
  process.env.TENCENTCLOUD = 'true';
  process.env.SILENCE = 'true';
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-'));
  const cloud = await startCloud();
  const ctx: BenchContext = { cloud, dir };
  const rows: Row[] = [];
  const only = new Set((process.argv[2] ?? process.env.LINLI_BENCH ?? '').split(',').filter(Boolean));
  const scenarios: Array<[string, (c: BenchContext) => Promise<Row[]>]> = [
    ['emulator', emulatorScenarios],
    ['groups', groupScenarios],
    ['startup', startupScenarios],
    ['hotSignup', hotSignupScenarios],
    ['activities', activityScenarios],
    ['app', appScenarios],
    ['ledger', ledgerScenarios],
    ['dashboards', dashboardScenarios],
  ];
  try {
    for (const [name, run] of scenarios) {
      if (only.size > 0 && !only.has(name)) continue;
      const started = Date.now();
      const produced = await run(ctx);
      rows.push(...produced);
      console.log(`bench ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
      console.log(renderReport(produced, []));
    }
  } finally {
    await cloud.stop();
    removeDataDir(cloud.dataDir);
    rmSync(dir, { recursive: true, force: true });
  }
  const meta = [
    `date: ${new Date().toISOString().slice(0, 10)}`,
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
  ];
  const file = join(__dirname, '..', '..', 'docs', 'bench.md');
  const report = only.size > 0 && existsSync(file) ? mergeReport(readFileSync(file, 'utf8'), rows, meta) : renderReport(rows, meta);
  writeFileSync(file, `${report.trimEnd()}\n`);
  console.log(report);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
