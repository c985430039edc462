/**
 * Loading / error / data for one async loader, with `reload`. A response that arrives after a
 * newer request started (or after unmount) is dropped, so fast taps never show stale data.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { isClientError, messageFor, type ClientErrorCode } from '../services/cloud';

export interface AsyncState<T> {
  data: T | null;
  error: string | null;
  /**
   * The failure's code, so a page can tell "this record is gone" (NOT_FOUND: ErrorState shows a
   * way home) from "the network failed" (retry).
   */
  errorCode: ClientErrorCode | null;
  loading: boolean;
  reload: () => Promise<void>;
  setData: (data: T) => void;
}

/** The code of any thrown value (INTERNAL for anything that is not a ClientError). */
export function errorCodeOf(error: unknown): ClientErrorCode {
  return isClientError(error) ? error.code : 'INTERNAL';
}

/** The localized message of any thrown value. */
export function errorMessage(error: unknown): string {
  return isClientError(error) ? error.message : messageFor('INTERNAL');
}

export function useAsync<T>(loader: () => Promise<T>, deps: readonly unknown[], options: { enabled?: boolean } = {}): AsyncState<T> {
  const enabled = options.enabled ?? true;
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [errorCode, setErrorCode] = useState<ClientErrorCode | null>(null);
  const [loading, setLoading] = useState(enabled);
  const generation = useRef(0);
  const loaderRef = useRef(loader);
  loaderRef.current = loader;

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    setError(null);
    setErrorCode(null);
    try {
      const value = await loaderRef.current();
      if (mine === generation.current) setData(value);
    } catch (caught) {
      if (mine === generation.current) {
        setError(errorMessage(caught));
        setErrorCode(errorCodeOf(caught));
      }
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (enabled) void reload();
    // `deps` are the loader's inputs; the loader itself is read through a ref.
  }, [enabled, reload, ...deps]);

  useEffect(
    () => () => {
      generation.current += 1;
    },
    [],
  );

  return { data, error, errorCode, loading, reload, setData };
}
