/** The audit log: every staff action and role grant, append-only. */
import { database } from '../runtime/cloudbase';
import { Collections } from './collections';

export interface AuditEntry {
  actorId: string;
  action: string;
  targetType: 'group' | 'membership' | 'post' | 'user' | 'role' | 'hour_record' | 'correction' | 'store_item' | 'redemption' | 'proof' | 'region' | 'rollcall' | 'activity';
  targetId: string;
  regionId: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

/** Appends one entry; the id is derived from the request so a retry cannot log twice. */
export async function recordAudit(entry: AuditEntry, requestKey: string, now: Date): Promise<void> {
  try {
    await database()
      .collection(Collections.auditLog)
      .add({ _id: `a-${requestKey}`, ...entry, createdAt: now });
  } catch (error) {
    if (!/DUPLICATE/i.test(String((error as { code?: unknown }).code))) throw error;
  }
}
