/**
 * A call's requests and its sequential round trips. A round trip is counted as the longest chain
 * of requests each sent after the one before it had its answer: requests sent side by side share
 * a round trip, and one sent after another ended waits one more — even while a third, slower one
 * is still in flight beside them (counting only the moments nothing is in flight would miss
 * that wait). On CloudBase each link of the chain is a network hop to the database.
 */
export class RequestChain {
  requests = 0;
  trips = 0;
  /** The deepest chain among the requests answered so far. */
  private answeredDepth = 0;

  /** Counts a request being sent; call the returned function once it has its answer (or failed). */
  sent(): () => void {
    this.requests += 1;
    const depth = this.answeredDepth + 1;
    this.trips = Math.max(this.trips, depth);
    let answered = false;
    return () => {
      if (answered) return;
      answered = true;
      this.answeredDepth = Math.max(this.answeredDepth, depth);
    };
  }
}
