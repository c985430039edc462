/**
 * `npm run admin -- grant <openid> <committee|street|county> <regionId>` creates the first
 * staff (usually a county administrator), who then grants the others in the app.
 * `npm run admin -- revoke <openid> <role> <regionId>` and `npm run admin -- list` too.
 * `npm run admin -- regions import <file.xlsx|file.csv> [--dry-run]` imports a county's region
 * tree and grid areas (docs/regions-import.md): the same validation and report as the app's
 * import, nothing written when the file has a problem; the CLI may also create a new county.
 * Locally it writes to LINLI_DATA_DIR; with `--cloudbase` (and TCB_ENV plus keys) it writes
 * to that CloudBase environment. Every change goes to the audit log as done by "cli".
 */
import { Collections } from '../../_core/repositories/collections';
import { ensureUser, markMayHoldGrants, userIdOf } from '../../_core/repositories/users';
import { recordAudit } from '../../_core/repositories/auditLog';
import { database } from '../../_core/runtime/cloudbase';
import { digest } from '../../_core/runtime/hash';
import { importRegions } from '../../_core/commands/regions/import';
import type { RegionImportReport } from '../../../src/shared/schemas/regions';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ensureBuilt } from './ensureBuilt';
import { startLocalCloud, type LocalCloud } from '../host/localCloud';

const ROLES = ['committee', 'street', 'county'] as const;
type Role = (typeof ROLES)[number];
const LEVEL: Record<Role, string> = { committee: 'community', street: 'street', county: 'county' };

function usage(): never {
  console.error(
    'usage: npm run admin -- grant|revoke <openid> <committee|street|county> <regionId> [--cloudbase]\n       npm run admin -- list [--cloudbase]\n       npm run admin -- regions import <file.xlsx|file.csv> [--dry-run] [--cloudbase]',
  );
  process.exit(2);
}

/** Prints an import report for a terminal; answers whether the file was free of problems. */
function printImportReport(report: RegionImportReport, dryRun: boolean): boolean {
  for (const problem of report.errors) console.log(`error\t${problem.problem}\t${problem.message}`);
  if (report.errorCount > report.errors.length) console.log(`… ${report.errorCount - report.errors.length} more errors`);
  if (report.errorCount > 0) {
    console.log(`${report.errorCount} error(s): nothing written`);
    return false;
  }
  for (const change of report.changes) console.log(`${change.change}\t${change.code}\t${change.name}${change.fields.length ? `\t${change.fields.join(',')}` : ''}`);
  for (const node of report.missing) console.log(`missing\t${node.code ?? '-'}\t${node.name}\t${node.groups} group(s)\tkept`);
  const what = `${report.county?.name ?? ''} (${report.county?.code ?? ''}): ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.missingCount} not in the file (kept)`;
  console.log(dryRun ? `dry run, nothing written — ${what}` : `imported ${what}`);
  return true;
}

async function run(args: string[], dryRun: boolean): Promise<void> {
  const db = database();
  const [command, openid, role, regionId] = args;
  if (command === 'regions') {
    if (openid !== 'import' || !role || args.length !== 3) usage();
    // npm runs scripts in the package folder; a relative path means the caller's folder (INIT_CWD).
    const file = resolve(process.env.INIT_CWD ?? process.cwd(), role);
    const report = await importRegions(() => readFile(file), !dryRun, { kind: 'cli' }, new Date());
    if (!printImportReport(report, dryRun)) process.exitCode = 1;
    return;
  }
  if (command === 'list') {
    const { data } = await db.collection(Collections.roleGrants).where({ revokedAt: null }).limit(1000).get();
    for (const grant of data as Array<{ userId: string; role: string; regionId: string }>) console.log(`${grant.role}\t${grant.regionId}\t${grant.userId}`);
    return;
  }
  if ((command !== 'grant' && command !== 'revoke') || !openid || !ROLES.includes(role as Role) || !regionId) usage();
  const { data } = await db.collection(Collections.regions).doc(regionId).get();
  const region = data[0] as { level: string; name: string } | undefined;
  if (!region) throw new Error(`no region ${regionId}`);
  if (region.level !== LEVEL[role as Role]) throw new Error(`a ${role} role belongs on a ${LEVEL[role as Role]}, and ${regionId} is a ${region.level}`);
  const userId = userIdOf(openid);
  const grantId = `grant-${digest('grant', userId, role!, regionId).slice(0, 24)}`;
  const now = new Date();
  if (command === 'grant') {
    await ensureUser(openid, { nickname: '管理员' });
    await db.collection(Collections.roleGrants).doc(grantId).set({ userId, role, regionId, grantedBy: 'cli', createdAt: now, revokedAt: null });
    await markMayHoldGrants(userId);
  } else {
    await db.collection(Collections.roleGrants).doc(grantId).update({ revokedAt: now });
  }
  await recordAudit(
    { actorId: 'cli', action: `roles.${command}`, targetType: 'role', targetId: grantId, regionId, reason: 'npm run admin', details: { userId, role } },
    digest('audit-cli', grantId, now.toISOString()),
    now,
  );
  console.log(`${command === 'grant' ? 'granted' : 'revoked'}: ${role} of ${region.name} (${regionId}) ${command === 'grant' ? 'to' : 'from'} ${openid}`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const onCloudBase = argv.includes('--cloudbase');
  const dryRun = argv.includes('--dry-run');
  const args = argv.filter((a) => a !== '--cloudbase' && a !== '--dry-run');
  let cloud: LocalCloud | undefined;
  if (onCloudBase) {
    if (!process.env.TCB_ENV) throw new Error('--cloudbase needs TCB_ENV, TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY');
  } else {
    await ensureBuilt({ h5: false });
    cloud = await startLocalCloud({ port: 0, timers: false, quiet: true, functionInstances: 0 });
  }
  try {
    await run(args, dryRun);
  } finally {
    await cloud?.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
