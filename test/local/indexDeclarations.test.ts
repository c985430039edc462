/**
 * Each collection declares its indexes beside its repository (`<collection>.indexes.ts`), and
 * indexes.ts gathers them: no file is left out, none declares another collection's index, and
 * no collection has two indexes of one name (CloudBase names indexes per collection).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Collections } from '../../cloudfunctions/_core/repositories/collections';
import { geoIndexDeclarations, indexDeclarations, indexesByFile } from '../../cloudfunctions/_core/repositories/indexes';
import { projectRoot } from '../../cloudfunctions/_local/host/config';

const repositories = join(projectRoot, 'cloudfunctions', '_core', 'repositories');
const SUFFIX = '.indexes.ts';

test('every <collection>.indexes.ts beside the repositories is gathered, under the name of a collection', () => {
  const files = readdirSync(repositories)
    .filter((name) => name.endsWith(SUFFIX))
    .map((name) => name.slice(0, -SUFFIX.length))
    .sort();
  expect(files.length).toBeGreaterThan(0);
  expect(Object.keys(indexesByFile).sort()).toEqual(files);
  for (const file of files) expect(Object.keys(Collections)).toContain(file);
});

test("a collection's file declares only that collection's indexes", () => {
  for (const [file, declarations] of Object.entries(indexesByFile)) {
    const collection = Collections[file as keyof typeof Collections];
    const geo = 'geoIndexes' in declarations ? declarations.geoIndexes : [];
    for (const decl of [...declarations.indexes, ...geo]) expect({ file, collection: decl.collection, name: decl.name }).toEqual({ file, collection, name: decl.name });
  }
});

test('the gathered lists hold every declaration once, and index names are unique within a collection', () => {
  const files = Object.values(indexesByFile);
  expect(indexDeclarations).toHaveLength(files.reduce((n, file) => n + file.indexes.length, 0));
  expect(geoIndexDeclarations).toHaveLength(files.reduce((n, file) => n + ('geoIndexes' in file ? file.geoIndexes.length : 0), 0));
  const keys = [...indexDeclarations, ...geoIndexDeclarations].map((decl) => `${decl.collection}/${decl.name}`);
  expect(new Set(keys).size).toBe(keys.length);
});
