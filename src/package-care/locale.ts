/** package-care's strings, registered when the subpackage loads (every page imports this first). */
import { registerCatalog } from '../locales';
import careEn from '../locales/care.en';
import careZhCN from '../locales/care.zh-CN';
import careRefusalsEn from '../locales/errors.care.en';
import careRefusalsZhCN from '../locales/errors.care.zh-CN';

registerCatalog('care', { 'zh-CN': careZhCN, en: careEn });
// The care register's refusals (errors.care.<case>).
registerCatalog('errors', { 'zh-CN': careRefusalsZhCN, en: careRefusalsEn });
