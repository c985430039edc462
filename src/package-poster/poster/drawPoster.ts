/**
 * Draws a noticeboard poster on a 2D canvas context — the same code for WeChat's canvas 2d
 * (`Canvas type="2d"`, whose context follows the web's CanvasRenderingContext2D) and the
 * browser's canvas: brand band, title, time and place, group, the mini-program code and the
 * line "微信扫码查看并报名". Sizes are in poster units (750 wide, like rpx); the caller scales
 * the context for the screen's pixel ratio.
 */

/** The part of CanvasRenderingContext2D the poster uses (WeChat's canvas 2d context has it too). */
export interface PosterContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  drawImage(image: never, x: number, y: number, w: number, h: number): void;
}

export const POSTER_WIDTH = 750;
export const POSTER_HEIGHT = 1120;

/** The texts of a poster, already in the reader's language. */
export interface PosterTexts {
  brand: string;
  title: string;
  /** Time, place and group lines (those that apply). */
  lines: string[];
  scan: string;
}

const FONT = '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif';
const ACCENT = '#c2410c'; // $primary of src/styles/_tokens.scss (a canvas cannot read CSS variables)
const CODE_SIZE = 360;
const CODE_TOP = 640;
const MARGIN = 60;

/** Splits a text into lines no wider than `width` (character by character: Chinese has no spaces). */
export function wrapText(ctx: Pick<PosterContext, 'measureText'>, text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of Array.from(text)) {
    if (line && ctx.measureText(line + char).width > width) {
      lines.push(line);
      line = char;
    } else {
      line += char;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  // Cut short: the last kept line says so with an ellipsis.
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${Array.from(kept[maxLines - 1]!).slice(0, -1).join('')}…`;
  return kept;
}

/** Paints the poster; `code` is the loaded mini-program code image. */
export function drawPoster(ctx: PosterContext, texts: PosterTexts, code: unknown): void {
  const textWidth = POSTER_WIDTH - 2 * MARGIN;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, POSTER_WIDTH, POSTER_HEIGHT);

  ctx.fillStyle = ACCENT;
  ctx.fillRect(0, 0, POSTER_WIDTH, 120);
  ctx.fillStyle = '#ffffff';
  ctx.font = `600 34px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(texts.brand, POSTER_WIDTH / 2, 60);

  ctx.textAlign = 'left';
  ctx.textBaseline = 'top';
  ctx.fillStyle = '#1d2129';
  ctx.font = `bold 52px ${FONT}`;
  let y = 170;
  for (const line of wrapText(ctx, texts.title, textWidth, 2)) {
    ctx.fillText(line, MARGIN, y);
    y += 70;
  }
  y += 20;
  ctx.fillStyle = '#4e5969';
  ctx.font = `32px ${FONT}`;
  for (const text of texts.lines) {
    for (const line of wrapText(ctx, text, textWidth, 2)) {
      if (y > CODE_TOP - 60) break;
      ctx.fillText(line, MARGIN, y);
      y += 48;
    }
  }

  ctx.drawImage(code as never, (POSTER_WIDTH - CODE_SIZE) / 2, CODE_TOP, CODE_SIZE, CODE_SIZE);
  ctx.fillStyle = ACCENT;
  ctx.font = `bold 38px ${FONT}`;
  ctx.textAlign = 'center';
  ctx.fillText(texts.scan, POSTER_WIDTH / 2, CODE_TOP + CODE_SIZE + 40);
}
