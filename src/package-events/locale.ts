/** package-events' strings, registered when the subpackage loads (every page imports this first). */
import { registerCatalog } from '../locales';
import eventsManageEn from '../locales/events.manage.en';
import eventsManageZhCN from '../locales/events.manage.zh-CN';

registerCatalog('events', { 'zh-CN': eventsManageZhCN, en: eventsManageEn });
