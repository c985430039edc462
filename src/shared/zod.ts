/**
 * The one zod entry point; import it as `import * as z from '.../shared/zod'`.
 * The mini-program runtime forbids `new Function`, so zod's JIT must be off before any schema
 * is built. Re-exporting the module (not zod's `z` object) lets bundlers drop what we do not
 * use; zod's full namespace with every locale would add ~360 KB to each bundle.
 */
import { config } from 'zod/v4';
import zhCN from 'zod/v4/locales/zh-CN.js';

config({ jitless: true });
// Default messages in Simplified Chinese, the product's first language.
config(zhCN());

export * from 'zod/v4';
