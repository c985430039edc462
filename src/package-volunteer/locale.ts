/** package-volunteer's strings, registered when the subpackage loads (every page imports this first). */
import { registerCatalog } from '../locales';
import volunteerEn from '../locales/volunteer.en';
import volunteerZhCN from '../locales/volunteer.zh-CN';
import volunteerRefusalsEn from '../locales/errors.volunteer.en';
import volunteerRefusalsZhCN from '../locales/errors.volunteer.zh-CN';

registerCatalog('volunteer', { 'zh-CN': volunteerZhCN, en: volunteerEn });
// Refusals of hours, the points store, credits, proofs and roll-calls (errors.<function>.<case>).
registerCatalog('errors', { 'zh-CN': volunteerRefusalsZhCN, en: volunteerRefusalsEn });
