/** package-staff's console strings, registered when the subpackage loads (every page imports this first). */
import { registerCatalog } from '../locales';
import careEn from '../locales/care.en';
import careZhCN from '../locales/care.zh-CN';
import moderationStaffEn from '../locales/moderation.staff.en';
import moderationStaffZhCN from '../locales/moderation.staff.zh-CN';

registerCatalog('moderation', { 'zh-CN': moderationStaffZhCN, en: moderationStaffEn });
// The dashboard's care figures speak the care catalog (src/package-staff/dashboard/CareFigures.tsx).
registerCatalog('care', { 'zh-CN': careZhCN, en: careEn });
