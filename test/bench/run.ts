/** `npm run bench`: runs every scenario on a fresh local cloud and writes docs/bench.md. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeDataDir, startCloud, type RunningCloud } from '../support/localCloud';
import { renderReport, type Row } from './harness';
import { emulatorScenarios } from './scenarios/emulator';
import { groupScenarios } from './scenarios/groups';
import { startupScenarios } from './scenarios/startup';
import { activityScenarios } from './scenarios/activities';
import { appScenarios } from './scenarios/app';
import { ledgerScenarios } from './scenarios/ledger';

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
  const only = process.argv[2];
  const scenarios: Array<[string, (c: BenchContext) => Promise<Row[]>]> = [
    ['emulator', emulatorScenarios],
    ['groups', groupScenarios],
    ['startup', startupScenarios],
    ['activities', activityScenarios],
    ['app', appScenarios],
    ['ledger', ledgerScenarios],
  ];
  try {
    for (const [name, run] of scenarios) {
      if (only && only !== name) continue;
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
  const report = renderReport(rows, meta);
  writeFileSync(join(__dirname, '..', '..', 'docs', 'bench.md'), `${report}\n`);
  console.log(report);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
