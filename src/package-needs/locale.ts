/** package-needs' strings, registered when the subpackage loads (every page imports this first). */
import { registerCatalog } from '../locales';
import needsEn from '../locales/needs.en';
import needsZhCN from '../locales/needs.zh-CN';
import needsRefusalsEn from '../locales/errors.needs.en';
import needsRefusalsZhCN from '../locales/errors.needs.zh-CN';

registerCatalog('needs', { 'zh-CN': needsZhCN, en: needsEn });
// The needs board's refusals (errors.needs.<case>).
registerCatalog('errors', { 'zh-CN': needsRefusalsZhCN, en: needsRefusalsEn });
