/**
 * Colours are chosen in one place (issue 16 item 6): no hex colour literal in any
 * src/**\/*.tsx or src/**\/*.scss outside the token file, and the token file's text colours meet
 * WCAG 2.2 AA contrast (4.5:1 for text, 3:1 for large text and UI parts) on the surfaces they
 * are used on, in normal and elderly mode.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');
const src = join(root, 'src');
const TOKENS = join(src, 'styles', '_tokens.scss');

/** The only files that may spell a colour as hex. */
const ALLOWED = new Set([relative(root, TOKENS)]);

/** `#abc`, `#aabbcc`, `#aabbccdd` — not an id selector or anchor that merely starts with a hex letter. */
const HEX = /#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3,4})(?![\w-])/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(tsx|scss)$/.test(name) ? [full] : [];
  });
}

/** Every hex literal of `text`, as `line: literal`. */
function hexLiterals(text: string): string[] {
  return text.split('\n').flatMap((line, index) => (line.match(HEX) ?? []).map((hex) => `${index + 1}: ${hex}`));
}

/** Sass variables of the token file: `$name: #hex;` */
function tokenColours(): Map<string, string> {
  const colours = new Map<string, string>();
  for (const match of readFileSync(TOKENS, 'utf8').matchAll(/^\$([\w-]+):\s*(#[0-9a-fA-F]{6});/gm)) colours.set(match[1]!, match[2]!);
  return colours;
}

/** WCAG 2.x relative luminance and contrast ratio (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('design tokens', () => {
  it('finds a hex literal where there is one (the scanner works)', () => {
    expect(hexLiterals("a {\n  color: #86909c;\n}\n<Icon color='#fff' />")).toEqual(['2: #86909c', '4: #fff']);
    expect(hexLiterals("const id = '#/pages/home/index'; .a { color: $ink; } url(#mask)")).toEqual([]);
  });

  it('no src/**/*.tsx or src/**/*.scss spells a colour in hex outside the token file', () => {
    const found = sourceFiles(src)
      .filter((file) => !ALLOWED.has(relative(root, file)))
      .flatMap((file) => hexLiterals(readFileSync(file, 'utf8')).map((hit) => `${relative(root, file)}:${hit}`));
    expect(found).toEqual([]);
  });

  it('text colours meet 4.5:1 and the focus ring 3:1 on the surfaces they are used on', () => {
    const colour = tokenColours();
    const pairs: Array<[foreground: string, background: string, minimum: number]> = [
      ['on-primary', 'primary', 4.5],
      ['on-primary', 'success', 4.5],
      ['on-primary', 'warning', 4.5],
      ['on-primary', 'danger', 4.5],
      ['on-primary', 'info', 4.5],
      ['on-primary', 'ink-2', 4.5],
      ['primary', 'surface', 4.5],
      ['primary', 'canvas', 4.5],
      ['primary', 'primary-soft', 4.5],
      ['primary', 'primary-softer', 4.5],
      ['success', 'success-soft', 4.5],
      ['warning', 'warning-soft', 4.5],
      ['danger', 'danger-soft', 4.5],
      ['info', 'info-soft', 4.5],
      ...['surface', 'surface-muted', 'canvas', 'field', 'fill', 'primary-soft', 'primary-softer'].flatMap((surface): Array<[string, string, number]> => [
        ['ink', surface, 4.5],
        ['ink-2', surface, 4.5],
        ['ink-3', surface, 4.5],
        ['ink-3-elderly', surface, 4.5],
      ]),
      ['focus', 'surface', 3],
      ['focus', 'canvas', 3],
    ];
    const failing = pairs
      .map(([fg, bg, minimum]) => {
        const [a, b] = [colour.get(fg), colour.get(bg)];
        if (!a || !b) return `${fg} on ${bg}: not a token`;
        const ratio = contrast(a, b);
        return ratio >= minimum ? null : `${fg} ${a} on ${bg} ${b}: ${ratio.toFixed(2)} < ${minimum}`;
      })
      .filter((line) => line !== null);
    expect(failing).toEqual([]);
  });
});
