/**
 * The photo picker (src/components/PhotoPick) grows with elderly mode: its tiles and remove
 * corner are sized by the touch token and its words by the small type token, which .linli-page
 * and .linli-page--elderly set (app.scss). Compiled here in node: sass does not run under jsdom.
 */
import { join } from 'node:path';
import { compile } from 'sass';

const root = join(__dirname, '../..');
const { css } = compile(join(root, 'src/components/PhotoPick/index.scss'), { loadPaths: [join(root, 'src')] });

/** The declarations of the rule with exactly `selector` in the compiled CSS. */
function rule(selector: string): string {
  const escaped = selector.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?:^|\\n)${escaped} \\{([^}]*)\\}`).exec(css);
  if (!match) throw new Error(`no rule ${selector}`);
  return match[1]!;
}

describe('the photo picker in elderly mode', () => {
  it('sizes tiles and the remove corner by the touch token', () => {
    expect(rule('.linli-photo')).toMatch(/width: calc\(var\(--linli-touch\) \* 2\.5\);/);
    expect(rule('.linli-photo')).toMatch(/height: calc\(var\(--linli-touch\) \* 2\.5\);/);
    expect(rule('.linli-photo__remove')).toMatch(/width: var\(--linli-touch\);[\s\S]*height: var\(--linli-touch\);/);
  });

  it('writes its words in the small type token', () => {
    expect(rule('.linli-photo__label,\n.linli-photo__count')).toMatch(/font-size: var\(--linli-font-small\);/);
  });
});
