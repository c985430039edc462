// babel-preset-taro options: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        // Polyfills only for browsers; the WeChat base library has what the app uses.
        useBuiltIns: process.env.TARO_ENV === 'h5' ? 'usage' : false,
      },
    ],
  ],
  plugins: [require('./config/babel-nutui-import'), require('./config/babel-nutui-icons-import')],
};
