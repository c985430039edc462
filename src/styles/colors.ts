/**
 * Colours for components that take one as a prop (NutUI icons and Tags): CSS custom properties,
 * never hex values, so src/styles/_tokens.scss stays the one place a colour is chosen (its
 * `linli-color-vars` defines them on every page). Icons draw `color` as their background
 * through a mask (@nutui/icons-react-taro's IconHarmonyTemplate), and Tags set it as an inline
 * style, so a `var()` works on H5 and in the mini-program alike.
 */
const token = (name: string) => `var(--linli-color-${name})`;

export const colors = {
  primary: token('primary'),
  primaryDark: token('primary-dark'),
  primarySoft: token('primary-soft'),
  onPrimary: token('on-primary'),
  success: token('success'),
  successSoft: token('success-soft'),
  warning: token('warning'),
  warningSoft: token('warning-soft'),
  danger: token('danger'),
  dangerSoft: token('danger-soft'),
  info: token('info'),
  infoSoft: token('info-soft'),
  neutralSoft: token('neutral-soft'),
  fill: token('fill'),
  star: token('star'),
  /** Decorative pictures (empty states, an empty star): never text. */
  decoration: token('line-strong'),
  ink: token('ink'),
  ink2: token('ink-2'),
  ink3: token('ink-3'),
} as const;

/** A group type's pair: the strong colour (badge, tag text) and the soft one (tag background). */
export const typeColor = (type: string) => ({ strong: `var(--linli-type-${type}-strong)`, soft: `var(--linli-type-${type}-soft)` });
