/**
 * Button tones beyond NutUI's types. The colours themselves live in src/styles/_tokens.scss and
 * app.scss; components only name the tone.
 */

/**
 * A decision that takes something away (reject, suspend, remove, decline): outlined in the
 * danger tone, visibly different from the primary approve beside it. Use with NutUI's
 * `type='default'` and `fill='outline'`.
 */
export const DANGER_BUTTON = 'linli-button-danger';
