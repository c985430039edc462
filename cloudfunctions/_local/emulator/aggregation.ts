/**
 * `aggregate()`: the pipeline's leading `$match` (or `$geoNear`) narrows the input through the
 * indexes, then mingo runs the rest of the pipeline over what it found.
 */
import { Aggregator } from 'mingo/aggregator';
import { geoNearStage } from './geoNear';
import type { DocumentQueries } from './queries';
import type { Doc } from './values';

/** Runs an aggregation pipeline over one collection. */
export function aggregate(queries: DocumentQueries, collection: string, pipeline: Doc[]): Doc[] {
  const first = pipeline[0];
  if (first && '$geoNear' in first) {
    // mingo has no $geoNear stage: its query narrows through the indexes, then distances.
    const stage = geoNearStage(first.$geoNear);
    const input = stage.run(queries.select(collection, stage.query).map((row) => row.doc));
    return new Aggregator(pipeline.slice(1), queries.mingoOptions).run(input) as Doc[];
  }
  // A leading $match narrows the input through the indexes before mingo runs the pipeline.
  const leadingMatch = first && '$match' in first ? (first.$match as Doc) : {};
  const input = queries.select(collection, leadingMatch).map((row) => row.doc);
  const rest = first && '$match' in first ? pipeline.slice(1) : pipeline;
  return new Aggregator(rest, queries.mingoOptions).run(input) as Doc[];
}
