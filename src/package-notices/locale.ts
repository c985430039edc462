/** package-notices' strings, registered when the subpackage loads (every page imports this first). */
import { registerCatalog } from '../locales';
import communityNoticesEn from '../locales/communityNotices.en';
import communityNoticesZhCN from '../locales/communityNotices.zh-CN';

registerCatalog('communityNotices', { 'zh-CN': communityNoticesZhCN, en: communityNoticesEn });
