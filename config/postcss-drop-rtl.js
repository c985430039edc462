// PostCSS plugin for the Taro build (config/index.ts): drops NutUI's right-to-left rules.
// Every NutUI stylesheet repeats its layout for `.nut-rtl …` and `[dir=rtl] …` (ConfigProvider's
// direction="rtl", nutui-react-taro dist/es/packages/configprovider); Linli speaks Chinese and
// English only and never sets that direction, so those rules are dead weight — about 7 KB of the
// weapp main package's common.wxss (its 1 MB budget, DESIGN §8) and more in the subpackages.
// A rule with other selectors keeps them.
const RTL = /\.nut-rtl\b|\[dir=["']?rtl["']?\]/;

/** @returns {import('postcss').Plugin} */
module.exports = () => ({
  postcssPlugin: 'linli-drop-rtl',
  Rule(rule) {
    if (!RTL.test(rule.selector)) return;
    const kept = rule.selectors.filter((selector) => !RTL.test(selector));
    if (kept.length === 0) rule.remove();
    else rule.selectors = kept;
  },
});
module.exports.postcss = true;
