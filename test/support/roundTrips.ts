/**
 * Database round trips of an in-process `_core` call, as CloudBase would bill them in latency:
 * requests sent while others are still in flight share one round trip (a `Promise.all`), and
 * a request sent after every earlier one has answered starts the next. node-sdk sends each
 * database request through `http.request` (dist/utils/request-core.js looks it up on the module
 * at call time), so wrapping it sees every request. The requests of a `Promise.all` are all
 * issued before any answer can arrive (their preparation is promise work only, and an answer
 * needs the event loop to turn), so the count does not depend on timing; should it ever be
 * wrong, it can only count too many, never hide a round trip.
 */
import http from 'node:http';

export interface RoundTripCount<T> {
  result: T;
  /** Sequential waves of requests. */
  roundTrips: number;
  /** Requests sent in all. */
  requests: number;
}

export async function countRoundTrips<T>(serviceUrl: string, run: () => Promise<T>): Promise<RoundTripCount<T>> {
  const original = http.request;
  let inFlight = 0;
  let roundTrips = 0;
  let requests = 0;
  const wrapped = (...args: Parameters<typeof http.request>): http.ClientRequest => {
    const url = args[0];
    const counted = typeof url === 'string' ? url.startsWith(serviceUrl) : url instanceof URL && url.href.startsWith(serviceUrl);
    const req = (original as (...a: Parameters<typeof http.request>) => http.ClientRequest)(...args);
    if (counted) {
      if (inFlight === 0) roundTrips += 1;
      inFlight += 1;
      requests += 1;
      let done = false;
      const finish = () => {
        if (!done) {
          done = true;
          inFlight -= 1;
        }
      };
      req.on('response', (res) => {
        res.on('end', finish);
        res.on('close', finish);
      });
      req.on('error', finish);
      req.on('close', finish);
    }
    return req;
  };
  (http as { request: typeof http.request }).request = wrapped as typeof http.request;
  try {
    const result = await run();
    return { result, roundTrips, requests };
  } finally {
    (http as { request: typeof http.request }).request = original;
  }
}
