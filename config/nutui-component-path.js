// babel-plugin-import `customName` for NutUI React Taro 3: `SearchBar` -> .../packages/searchbar.
module.exports = (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`;
