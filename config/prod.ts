import type { UserConfigExport } from '@tarojs/cli';

/** Production builds (`npm run build:weapp` / `build:h5`). */
export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
