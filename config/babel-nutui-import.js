// NutUI React Taro on-demand import (babel-plugin-import), shared by babel.config.js (Taro build)
// and config/jest.components.config.js, so tests import exactly what the build imports:
//   import { Button } from '@nutui/nutui-react-taro'
//   -> import Button from '@nutui/nutui-react-taro/dist/es/packages/button'
//      import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'   (-> style.css)
// NutUI 3 keeps packages under lowercase folder names, hence `customName`. It is given as a
// module path, not a function: jest serialises transformer options for its worker processes,
// and a function would silently vanish there.
module.exports = [
  'import',
  {
    libraryName: '@nutui/nutui-react-taro',
    camel2DashComponentName: false,
    customName: require.resolve('./nutui-component-path.js'),
    style: 'css',
  },
  'nutui-react-taro',
];
