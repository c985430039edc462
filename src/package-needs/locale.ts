/** package-needs' strings, registered when the subpackage loads (every page imports this first). */
import { registerCatalog } from '../locales';
import needsEn from '../locales/needs.en';
import needsZhCN from '../locales/needs.zh-CN';

registerCatalog('needs', { 'zh-CN': needsZhCN, en: needsEn });
