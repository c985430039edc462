/** The built H5 app, served by the local cloud: any path that is not a file is the app's index.html (its router decides). */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, normalize, resolve, sep } from 'node:path';
import { mimeOf } from './http';

/** Sends the file at `path` under `h5Dir` (never outside it), or index.html. */
export function staticH5(res: ServerResponse, h5Dir: string, path: string): void {
  if (!existsSync(join(h5Dir, 'index.html'))) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><meta charset="utf-8"><title>Linli 邻里</title><p>本地云已启动。H5 页面尚未构建：运行 <code>npm run build:h5</code>。</p>');
    return;
  }
  const root = resolve(h5Dir);
  const wanted = resolve(root, `.${normalize(decodeURIComponent(path))}`);
  const file = wanted.startsWith(root + sep) && existsSync(wanted) && statSync(wanted).isFile() ? wanted : join(root, 'index.html');
  res.writeHead(200, {
    'content-type': mimeOf(file),
    'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
  });
  createReadStream(file).pipe(res);
}
