/** package-staff's console strings, registered when the subpackage loads (every page imports this first). */
import { registerCatalog } from '../locales';
import moderationStaffEn from '../locales/moderation.staff.en';
import moderationStaffZhCN from '../locales/moderation.staff.zh-CN';

registerCatalog('moderation', { 'zh-CN': moderationStaffZhCN, en: moderationStaffEn });
