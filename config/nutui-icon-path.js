// babel-plugin-import `customName` for NutUI's icons: `Warning` -> .../dist/es/icons/Warning.js.
module.exports = (name) => `@nutui/icons-react-taro/dist/es/icons/${name}.js`;
