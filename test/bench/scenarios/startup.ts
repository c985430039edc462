/** How long the local cloud takes to be ready after a build: fresh data folder and existing one. */
import { performance } from 'node:perf_hooks';
import { freshDataDir, removeDataDir, startCloud } from '../../support/localCloud';
import { summarise, type Row } from '../harness';

export async function startupScenarios(): Promise<Row[]> {
  const group = 'Local cloud start (spawn → URL printed, bundles already built)';
  const fresh: number[] = [];
  const existing: number[] = [];
  const dir = freshDataDir();
  for (let i = 0; i < 5; i += 1) {
    const target = freshDataDir();
    let started = performance.now();
    const cloud = await startCloud({ dataDir: target });
    fresh.push(performance.now() - started);
    await cloud.stop();
    removeDataDir(target);
    started = performance.now();
    const again = await startCloud({ dataDir: dir });
    existing.push(performance.now() - started);
    await again.stop();
  }
  removeDataDir(dir);
  return [
    summarise(group, 'fresh data folder (creates tables, applies the seed)', fresh.sort((a, b) => a - b), { note: 'budget ≤ 2 s' }),
    summarise(group, 'existing data folder', existing.sort((a, b) => a - b), { note: 'budget ≤ 2 s' }),
  ];
}
