/**
 * Taro build configuration (weapp and h5). `npm run build:weapp` → dist/weapp (the
 * miniprogramRoot of the root project.config.json); `npm run build:h5` → dist/h5, which the
 * local cloud serves at `/`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * Every TARO_APP_* variable of the shell becomes a compile-time constant, on top of the ones Taro
 * reads from .env files, so CI can configure a build without writing a file. The ones the app
 * reads always exist (empty = CloudBase's default environment / same-origin API / no subscribe prompt).
 */
const taroAppEnv: Record<string, string> = {
  TARO_APP_CLOUD_ENV: JSON.stringify(''),
  TARO_APP_API_BASE: JSON.stringify(''),
  // Subscribe-message template ids (weapp sign-up prompt); empty = no prompt.
  TARO_APP_TMPL_REMINDER: JSON.stringify(''),
  TARO_APP_TMPL_OFFER: JSON.stringify(''),
  TARO_APP_VERSION: JSON.stringify((JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version),
  ...Object.fromEntries(
    Object.entries(process.env)
      .filter(([key]) => key.startsWith('TARO_APP_'))
      .map(([key, value]) => [key, JSON.stringify(value ?? '')]),
  ),
};

/** NutUI's stylesheets are drawn at 375 px; ours at 750 (1 px here = 1 rpx). */
function designWidth(input?: string | number | { file?: string }): number {
  const file = typeof input === 'object' && input ? (input.file ?? '') : '';
  return file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750;
}

const cssModules = { enable: false, config: { namingPattern: 'module' as const, generateScopedName: '[name]__[local]___[hash:base64:5]' } };

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'linli',
    date: '2025-11-22',
    designWidth,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    env: taroAppEnv,
    defineConstants: {},
    // weapp: the sitemap (app.config's sitemapLocation) and the share cards' default picture,
    // which must be files in the package (src/utils/share.ts).
    copy: {
      patterns:
        process.env.TARO_ENV === 'weapp'
          ? [
              { from: 'src/sitemap.json', to: 'dist/weapp/sitemap.json' },
              { from: 'src/assets/share/', to: 'dist/weapp/assets/share/' },
            ]
          : [],
      options: {},
    },
    framework: 'react',
    // Taro's default escapes every non-ASCII character as \uXXXX (6 bytes instead of 3 for
    // each Chinese character); WeChat reads UTF-8 sources, so keep them as they are.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // NutUI's per-component css is imported in different orders by different pages.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        './config/postcss-drop-rtl.js': { enable: true, config: {} },
        cssModules,
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // Hash routing: deep links and reloads work from a plain static server (the local cloud).
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        './config/postcss-drop-rtl.js': { enable: true, config: {} },
        cssModules,
      },
    },
  };
  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
