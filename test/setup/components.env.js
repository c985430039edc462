// What Taro's webpack DefinePlugin inlines for an h5 build.
process.env.TARO_ENV = 'h5';
process.env.TARO_PLATFORM = 'web';
process.env.TARO_APP_CLOUD_ENV = process.env.TARO_APP_CLOUD_ENV || 'test-env';
process.env.TARO_APP_API_BASE = '';
process.env.TARO_APP_VERSION = 'test';
process.env.FRAMEWORK = 'react';
process.env.SUPPORT_TARO_POLYFILL = 'disabled';
// A compile-time constant of Taro's H5WebpackPlugin.
globalThis.DEPRECATED_ADAPTER_COMPONENT = false;
