/** package-volunteer's strings, registered when the subpackage loads (every page imports this first). */
import { registerCatalog } from '../locales';
import volunteerEn from '../locales/volunteer.en';
import volunteerZhCN from '../locales/volunteer.zh-CN';

registerCatalog('volunteer', { 'zh-CN': volunteerZhCN, en: volunteerEn });
