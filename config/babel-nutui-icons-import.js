// NutUI icons on demand (babel-plugin-import), shared by babel.config.js (Taro build) and
// config/jest.components.config.js like config/babel-nutui-import.js:
//   import { Warning } from '@nutui/icons-react-taro'
//   -> import Warning from '@nutui/icons-react-taro/dist/es/icons/Warning.js'
// The package's index (dist/es/index.es.js) is declared to have side effects in its package.json,
// so webpack keeps every icon imported through it wherever the index is — the weapp main package,
// since its pages import icons too — and an icon only a subpackage shows would ship in the main
// package (1 MB budget, DESIGN §8). Imported from its own file, it goes with the pages that use it.
// Every icon file exports its component as default; src/app.ts imports `configure`, which is not
// an icon, from its own file (src/global.d.ts types it).
module.exports = [
  'import',
  {
    libraryName: '@nutui/icons-react-taro',
    camel2DashComponentName: false,
    customName: require.resolve('./nutui-icon-path.js'),
  },
  'nutui-icons-react-taro',
];
