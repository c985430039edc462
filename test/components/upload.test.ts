/**
 * uploadImage on H5: the chosen image (a blob: URL) is read and POSTed as the raw body to the
 * local cloud's /api/files with the bearer token; the envelope's fileID comes back. `fetch` is
 * the only thing replaced.
 */
import Taro from '@tarojs/taro';
import { isClientError, uploadImage, type ClientError } from '../../src/services/cloud';
import { getToken, setToken } from '../../src/services/token';

type FetchArgs = [string, { method?: string; headers?: Record<string, string>; body?: unknown } | undefined];
const fetchMock = jest.fn<Promise<Response>, FetchArgs>();

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const image = new Blob([PNG], { type: 'image/png' });

/** A Response whose blob() is the image (jsdom's Response cannot carry a Blob body). */
function imageResponse(): Response {
  return { blob: async () => image } as Pick<Response, 'blob'> as Response;
}

function reply(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

async function failure(promise: Promise<unknown>): Promise<ClientError> {
  try {
    await promise;
  } catch (error) {
    if (isClientError(error)) return error;
    throw error;
  }
  throw new Error('expected the upload to fail');
}

beforeAll(() => {
  Object.assign(globalThis, { fetch: fetchMock });
});

beforeEach(() => {
  fetchMock.mockReset();
  setToken('token-of-li');
});

describe('uploadImage (H5)', () => {
  it('reads the chosen file and POSTs it to /api/files?kind= with the bearer token', async () => {
    fetchMock.mockResolvedValueOnce(imageResponse()).mockResolvedValueOnce(reply(200, { ok: true, data: { fileID: 'cloud://local/posts/ab/cd.png' } }));

    await expect(uploadImage('blob:http://localhost/1234', 'posts')).resolves.toBe('cloud://local/posts/ab/cd.png');

    expect(fetchMock.mock.calls[0]![0]).toBe('blob:http://localhost/1234');
    const [url, init] = fetchMock.mock.calls[1]!;
    expect(url).toBe('/api/files?kind=posts');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual({ 'content-type': 'image/png', authorization: 'Bearer token-of-li' });
    // the image itself is the body, not a form or JSON
    expect(init?.body).toBe(image);
  });

  it('turns a refused upload into a ClientError with its code', async () => {
    fetchMock.mockResolvedValueOnce(imageResponse()).mockResolvedValueOnce(reply(400, { ok: false, error: { code: 'INVALID_INPUT', message: '只能上传 PNG、JPEG、GIF 或 WebP 图片' } }));
    const error = await failure(uploadImage('blob:x', 'covers'));
    expect(error.code).toBe('INVALID_INPUT');
    expect(fetchMock.mock.calls[1]![0]).toBe('/api/files?kind=covers');
  });

  it('an ended session signs in again', async () => {
    fetchMock.mockResolvedValueOnce(imageResponse()).mockResolvedValueOnce(reply(401, { ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } }));
    const error = await failure(uploadImage('blob:x', 'posts'));
    expect(error.code).toBe('UNAUTHENTICATED');
    expect(getToken()).toBeNull();
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('a network failure is NETWORK; an answer without a file id is BAD_RESPONSE', async () => {
    fetchMock.mockResolvedValueOnce(imageResponse()).mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect((await failure(uploadImage('blob:x', 'posts'))).code).toBe('NETWORK');
    fetchMock.mockResolvedValueOnce(imageResponse()).mockResolvedValueOnce(reply(200, { ok: true, data: {} }));
    expect((await failure(uploadImage('blob:x', 'posts'))).code).toBe('BAD_RESPONSE');
  });
});
