/** package-staff's console strings, registered when the subpackage loads (every page imports this first). */
import { registerCatalog } from '../locales';
import careEn from '../locales/care.en';
import careZhCN from '../locales/care.zh-CN';
import communityNoticesEn from '../locales/communityNotices.en';
import communityNoticesZhCN from '../locales/communityNotices.zh-CN';
import moderationStaffEn from '../locales/moderation.staff.en';
import moderationStaffZhCN from '../locales/moderation.staff.zh-CN';
import needsEn from '../locales/needs.en';
import needsZhCN from '../locales/needs.zh-CN';
import registryManageEn from '../locales/registry.manage.en';
import registryManageZhCN from '../locales/registry.manage.zh-CN';
import staffRefusalsEn from '../locales/errors.staff.en';
import staffRefusalsZhCN from '../locales/errors.staff.zh-CN';
import { rollcallsEn } from '../locales/errors.volunteer.en';
import { rollcallsZhCN } from '../locales/errors.volunteer.zh-CN';

registerCatalog('moderation', { 'zh-CN': moderationStaffZhCN, en: moderationStaffEn });
// The dashboard's care figures speak the care catalog (src/package-staff/dashboard/CareFigures.tsx).
registerCatalog('care', { 'zh-CN': careZhCN, en: careEn });
// The notices page (package-staff/notices) and the dashboard's needs figures (components/NeedFigures.tsx).
registerCatalog('communityNotices', { 'zh-CN': communityNoticesZhCN, en: communityNoticesEn });
registerCatalog('needs', { 'zh-CN': needsZhCN, en: needsEn });
// The group review (package-staff/review) shows the review and founding strings.
registerCatalog('registry', { 'zh-CN': registryManageZhCN, en: registryManageEn });
// Refusals of the console and role grants, and of the roll-call page (errors.<function>.<case>).
registerCatalog('errors', { 'zh-CN': { ...staffRefusalsZhCN, rollcalls: rollcallsZhCN }, en: { ...staffRefusalsEn, rollcalls: rollcallsEn } });
