/**
 * The canvas a poster is drawn on, and loading the mini-program code onto it. The mini-program
 * uses canvas 2d (`<Canvas type="2d">`, its node found with a selector query; images made by
 * `canvas.createImage()` from a file, so the PNG is first written to the user data folder);
 * the browser uses an HTML canvas and an Image from the data: URL.
 * Doc: https://developers.weixin.qq.com/miniprogram/dev/framework/ability/canvas.html
 */
import Taro from '@tarojs/taro';
import { POSTER_HEIGHT, POSTER_WIDTH, type PosterContext } from './drawPoster';

/** Drawing-buffer pixels per poster unit: 1500 × 2240, enough to print A4 sharply. */
export const POSTER_SCALE = 2;

export interface PosterSurface {
  /** What savePoster takes: the canvas 2d node or the HTMLCanvasElement. */
  canvas: unknown;
  ctx: PosterContext & { scale(x: number, y: number): void };
  /** Loads the code (a PNG data: URL) as an image this canvas can draw. */
  loadImage(dataUrl: string): Promise<unknown>;
}

function whenLoaded(image: { onload: unknown; onerror: unknown }): Promise<void> {
  return new Promise((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('image failed to load'));
  });
}

interface WeappCanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): PosterSurface['ctx'];
  createImage(): { src: string; onload: unknown; onerror: unknown };
}

/** The mini-program's canvas 2d node with the id, sized for the poster. */
export function weappSurface(canvasId: string): Promise<PosterSurface> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${canvasId}`)
      .fields({ node: true, size: true })
      .exec((results: Array<{ node?: WeappCanvasNode } | null>) => {
        const node = results[0]?.node;
        if (!node) {
          reject(new Error('poster canvas not found'));
          return;
        }
        node.width = POSTER_WIDTH * POSTER_SCALE;
        node.height = POSTER_HEIGHT * POSTER_SCALE;
        const ctx = node.getContext('2d');
        ctx.scale(POSTER_SCALE, POSTER_SCALE);
        resolve({
          canvas: node,
          ctx,
          async loadImage(dataUrl) {
            // canvas 2d images load from files: write the PNG to the user data folder first.
            const filePath = `${Taro.env.USER_DATA_PATH}/poster-code.png`;
            await new Promise<void>((done, fail) => {
              Taro.getFileSystemManager().writeFile({
                filePath,
                data: dataUrl.replace(/^data:image\/png;base64,/, ''),
                encoding: 'base64',
                success: () => done(),
                fail: (error) => fail(new Error(error.errMsg)),
              });
            });
            const image = node.createImage();
            const loaded = whenLoaded(image);
            image.src = filePath;
            await loaded;
            return image;
          },
        });
      });
  });
}

/** The browser's canvas element, sized for the poster. */
export function browserSurface(canvas: HTMLCanvasElement): PosterSurface {
  canvas.width = POSTER_WIDTH * POSTER_SCALE;
  canvas.height = POSTER_HEIGHT * POSTER_SCALE;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.scale(POSTER_SCALE, POSTER_SCALE);
  return {
    canvas,
    ctx: ctx as unknown as PosterSurface['ctx'],
    async loadImage(dataUrl) {
      const image = new Image();
      const loaded = whenLoaded(image);
      image.src = dataUrl;
      await loaded;
      return image;
    },
  };
}
