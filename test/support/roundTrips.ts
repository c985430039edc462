/**
 * Database round trips of an in-process `_core` call, as CloudBase would bill them in latency:
 * the longest chain of requests each sent after the one before it had its answer (the local
 * cloud's own count, cloudfunctions/_local/host/requestChain.ts) — requests sent side by side
 * (a `Promise.all`) share one round trip, and a request sent after another answered waits one
 * more, even while a slower third is still in flight beside them. node-sdk sends each
 * database request through `http.request` (dist/utils/request-core.js looks it up on the module
 * at call time), so wrapping it sees every request. The requests of a `Promise.all` are all
 * issued before any answer can arrive (their preparation is promise work only, and an answer
 * needs the event loop to turn), so the count does not depend on timing; should it ever be
 * wrong, it can only count too many, never hide a round trip.
 */
import http from 'node:http';
import { RequestChain } from '../../cloudfunctions/_local/host/requestChain';

export interface RoundTripCount<T> {
  result: T;
  /** The longest chain of requests, each sent after the one before it answered. */
  roundTrips: number;
  /** Requests sent in all. */
  requests: number;
}

export async function countRoundTrips<T>(serviceUrl: string, run: () => Promise<T>): Promise<RoundTripCount<T>> {
  const original = http.request;
  const chain = new RequestChain();
  const wrapped = (...args: Parameters<typeof http.request>): http.ClientRequest => {
    const url = args[0];
    const counted = typeof url === 'string' ? url.startsWith(serviceUrl) : url instanceof URL && url.href.startsWith(serviceUrl);
    const req = (original as (...a: Parameters<typeof http.request>) => http.ClientRequest)(...args);
    if (counted) {
      const answered = chain.sent();
      req.on('response', (res) => {
        res.on('end', answered);
        res.on('close', answered);
      });
      req.on('error', answered);
      req.on('close', answered);
    }
    return req;
  };
  (http as { request: typeof http.request }).request = wrapped as typeof http.request;
  try {
    const result = await run();
    return { result, roundTrips: chain.trips, requests: chain.requests };
  } finally {
    (http as { request: typeof http.request }).request = original;
  }
}
