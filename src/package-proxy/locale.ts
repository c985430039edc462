/** package-proxy's strings, registered when the subpackage loads (every page imports this first). */
import { registerCatalog } from '../locales';
import proxyEn from '../locales/proxy.en';
import proxyZhCN from '../locales/proxy.zh-CN';

registerCatalog('proxy', { 'zh-CN': proxyZhCN, en: proxyEn });
