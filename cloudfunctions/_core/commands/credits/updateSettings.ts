/** volunteerSettings.update: staff over a community set its time bank, star thresholds, credit expiry and self-report rate (audited). */
import type { Actor } from '../../authz/actor';
import { loadManageableCommunity } from '../../authz/communities';
import { recordAudit } from '../../repositories/auditLog';
import { ownSettingsOf, putSettings, settingsFor, type OwnSettings } from '../../repositories/communitySettings';

/** Changes the community's own settings and answers the settings now in force. */
export async function updateSettings(
  actor: Actor,
  input: { communityId: string; timeBank?: boolean; starThresholds?: number[]; creditExpiryYears?: number; selfReportCreditsPerHour?: number },
  requestId: string,
  now: Date,
) {
  const region = await loadManageableCommunity(actor, input.communityId);
  const current = await ownSettingsOf(region._id);
  const { communityId: _ignored, ...changes } = input;
  const next: OwnSettings = { ...(current ?? {}), ...changes, updatedBy: actor.userId, updatedAt: now };
  await putSettings(region._id, next);
  await recordAudit(
    { actorId: actor.userId, action: 'volunteerSettings.update', targetType: 'region', targetId: region._id, regionId: region._id, reason: null, details: changes },
    `settings-${actor.userId}-${requestId}`,
    now,
  );
  const settings = await settingsFor(region._id);
  return { communityId: region._id, ...settings };
}
