/**
 * regions.import: reads, validates and (with `apply`) writes a county's tree from a spreadsheet
 * (the plan is commands/regions/importPlan.ts; docs/regions-import.md). All or nothing, idempotent,
 * never deletes.
 */
import { regionCountyPolicies } from '../../../../src/shared/policies/regions';
import {
  REGION_IMPORT_LIST_CAP,
  REGION_IMPORT_MAX_BYTES,
  type RegionImportChange,
  type RegionImportMissing,
  type RegionImportReport,
  type RegionImportSource,
} from '../../../../src/shared/schemas/regions';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/authorize';
import { scopeOf, staffRolePolicies } from '../../authz/staffScope';
import { readRegionSheet } from '../../documents/regionSheet';
import { fileStore } from '../../ports/storage';
import { recordAudit } from '../../repositories/auditLog';
import { allRegions, createRegion, forgetRegionDirectory, groupCountsByRegion, updateRegion } from '../../repositories/regions';
import { digest } from '../../runtime/hash';
import { issue, LEVEL_ORDER, planRegionImport, type PlannedWrite, type RegionImportPlan } from './importPlan';
import { regionErrors } from '../../../../src/shared/domainErrors';

/** Writes in flight at once: a first import of ~500 nodes stays within the function's timeout. */
const WRITE_BATCH = 10;

/** Writes the plan, parents before children, a few at a time. */
async function applyPlan(writes: PlannedWrite[]): Promise<void> {
  for (const level of LEVEL_ORDER) {
    const batch = writes.filter((w) => w.row.level === level);
    for (let i = 0; i < batch.length; i += WRITE_BATCH) {
      await Promise.all(
        batch.slice(i, i + WRITE_BATCH).map((w) =>
          w.existing ? updateRegion(w.id, Object.fromEntries(w.changed.map((f) => [f, w.fields[f]]))) : createRegion(w.id, w.fields),
        ),
      );
    }
  }
  forgetRegionDirectory();
}

async function reportOf(plan: RegionImportPlan, applied: boolean): Promise<RegionImportReport> {
  const counts = plan.countyDoc && plan.missing.length > 0 ? await groupCountsByRegion(plan.countyDoc._id) : new Map<string, number>();
  const countyRow = plan.writes.find((w) => w.row.level === 'county');
  const changes: RegionImportChange[] = plan.writes.map((w) => ({
    row: w.row.row,
    code: w.row.code,
    name: w.row.name,
    level: w.row.level,
    change: w.existing ? 'update' : 'create',
    fields: w.changed,
  }));
  const missing: RegionImportMissing[] = plan.missing.map((r) => ({ id: r._id, code: r.code ?? null, name: r.name, level: r.level, groups: counts.get(r._id) ?? 0 }));
  return {
    applied,
    county: plan.countyCode ? { code: plan.countyCode, name: countyRow?.row.name ?? plan.countyDoc?.name ?? '' } : null,
    rows: plan.rows,
    errors: plan.issues.slice(0, REGION_IMPORT_LIST_CAP),
    errorCount: plan.issues.length,
    changes: changes.slice(0, REGION_IMPORT_LIST_CAP),
    created: changes.filter((c) => c.change === 'create').length,
    updated: changes.filter((c) => c.change === 'update').length,
    unchanged: plan.unchanged,
    missing: missing.slice(0, REGION_IMPORT_LIST_CAP),
    missingCount: missing.length,
  };
}

/** Who runs the import: county staff in the app (checked against the file's county), or the CLI. */
export type RegionImporter = { kind: 'staff'; actor: Actor; requestId: string } | { kind: 'cli' };

/**
 * Reads, validates and (with `apply`) writes a county's tree from the file's bytes. Staff may
 * import only over a county that exists and that they hold a county grant on; the CLI may create
 * a new county. Writes nothing when the file has any problem, or when nothing differs.
 */
export async function importRegions(load: () => Promise<Buffer>, apply: boolean, by: RegionImporter, now: Date): Promise<RegionImportReport> {
  // Checked before the file is even read; the county itself is checked once the file names it.
  if (by.kind === 'staff') authorize(staffRolePolicies, 'staff.county', by.actor, null, regionErrors.importCountyStaffOnly());
  const bytes = await load();
  if (bytes.length > REGION_IMPORT_MAX_BYTES) throw regionErrors.importFileTooLarge();
  const sheet = await readRegionSheet(bytes);
  if (!sheet.ok) {
    return reportOf({ issues: [issue(0, sheet.column ?? null, sheet.problem, sheet.message)], countyCode: null, countyDoc: null, rows: 0, writes: [], unchanged: 0, missing: [] }, false);
  }
  const plan = planRegionImport(sheet.rows, await allRegions());
  if (by.kind === 'staff') {
    // Staff change an existing county only: a new county's first import is the administrator's (CLI).
    if (plan.countyCode && !plan.countyDoc) throw regionErrors.importCountyMissing();
    if (plan.countyDoc) authorize(regionCountyPolicies, 'regions.import', by.actor, scopeOf(plan.countyDoc));
  }
  const willWrite = apply && plan.issues.length === 0 && plan.writes.length > 0;
  if (willWrite) {
    await applyPlan(plan.writes);
    const countyId = plan.countyDoc?._id ?? plan.writes.find((w) => w.row.level === 'county')?.id ?? null;
    const actorId = by.kind === 'staff' ? by.actor.userId : 'cli';
    const key = by.kind === 'staff' ? digest('audit', by.actor.userId, by.requestId) : digest('audit-cli', 'regions.import', now.toISOString());
    await recordAudit(
      { actorId, action: 'regions.import', targetType: 'region', targetId: countyId ?? '', regionId: countyId, reason: null, details: { created: plan.writes.filter((w) => !w.existing).length, updated: plan.writes.filter((w) => w.existing).length } },
      key,
      now,
    );
  }
  return reportOf(plan, willWrite);
}

/** The bytes of the file the staff chose: from storage by id, or sent inline (H5). */
export async function bytesOfSource(source: RegionImportSource): Promise<Buffer> {
  if ('base64' in source) return Buffer.from(source.base64, 'base64');
  // Only files the import page uploaded (imports/regions/…): not any stored file someone names.
  if (!/^cloud:\/\/[^/]+\/imports\/regions\/[^/]+$/.test(source.fileId)) throw regionErrors.importFileForeign();
  try {
    return await fileStore().download(source.fileId);
  } catch {
    throw regionErrors.importFileMissing();
  }
}
