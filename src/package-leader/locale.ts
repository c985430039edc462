/** package-leader's strings, registered when the subpackage loads (every page imports this first). */
import { registerCatalog } from '../locales';
import registryManageEn from '../locales/registry.manage.en';
import registryManageZhCN from '../locales/registry.manage.zh-CN';

registerCatalog('registry', { 'zh-CN': registryManageZhCN, en: registryManageEn });
