/**
 * What an index declaration says. Each collection declares its indexes beside its repository
 * (`<collection>.indexes.ts`); indexes.ts gathers them for the emulator, which builds them as
 * SQLite expression indexes, and for `npm run deploy:indexes`, which creates them on CloudBase.
 * Declared fields must hold scalars of the declared type (the emulator pushes filters and
 * sorts on them down to SQLite, which compares scalars only).
 */

export type IndexFieldType = 'string' | 'number' | 'date' | 'bool';

export interface IndexField {
  field: string;
  type: IndexFieldType;
  direction?: 1 | -1;
}

export interface IndexDeclaration {
  collection: string;
  name: string;
  fields: IndexField[];
  unique?: boolean;
}

/**
 * A geo (2dsphere) index over a field holding GeoJSON points. CloudBase answers `geoNear` only
 * over one, and `npm run deploy:indexes` creates it (key direction "2dsphere", as CloudBase's
 * index API takes it). Kept apart from the scalar declarations on purpose: the emulator builds
 * SQLite expression indexes from those and pushes conditions on their fields down as scalar
 * comparisons, which a GeoJSON field is not; it answers geo conditions without a declaration,
 * narrowing candidates by the area's bounding box in SQL (docs/emulator.md, "Geo").
 */
export interface GeoIndexDeclaration {
  collection: string;
  name: string;
  field: string;
}
