/**
 * The CloudBase admin API as @cloudbase/node-sdk speaks it: one POST with a JSON body whose
 * `action` names the operation. Replies are always HTTP 200; a non-empty `code` makes the SDK
 * reject the caller's promise with that code (see DbErrorCodes).
 */
import { randomUUID } from 'node:crypto';
import { decodeEjson, encodeDocument } from './ejson';
import { DbError, DbErrorCodes } from './errors';
import { checkFileBatch, type FileStorage } from './fileStorage';
import type { SortSpec } from './queries';
import type { DocumentStore } from './store';
import type { Modifier } from './updates';
import type { TransactionManager } from './transactions';
import type { Doc } from './values';
import { handleWxApi, handleWxDev } from '../wechat/emulatedWeChat';

export interface AdminApiDeps {
  store: DocumentStore;
  transactions: TransactionManager;
  storage: FileStorage;
  /** Runs a local cloud function for `functions.invokeFunction`, when a host is attached. */
  invokeFunction?: (name: string, data: unknown) => Promise<unknown>;
}

type Body = Record<string, unknown>;
type Reply = Record<string, unknown>;

const MAX_LIMIT = 1000;

const WRITES = new Set([
  'database.insertDocument',
  'database.modifyDocument',
  'database.modifyAndReturnDoc',
  'database.removeDocument',
  'database.commitTransaction',
  'database.addCollection',
]);

/** Handles one admin API request body; never throws (errors become coded replies). */
export async function handleAdminRequest(body: unknown, deps: AdminApiDeps): Promise<Reply> {
  const requestId = randomUUID();
  try {
    if (body === null || typeof body !== 'object') throw new DbError(DbErrorCodes.invalidParam, 'request body must be an object');
    const request = body as Body;
    const action = String(request.action);
    const handler = handlers[action];
    if (!handler) return { requestId, code: 'INVALID_ACTION', message: `unknown action ${action}` };
    const reply = await handler(request, deps, Date.now());
    // A write is acknowledged only once it is on disk (writes inside a transaction wait for the
    // commit); any other answer once what it saw is committed (the store groups a turn's writes).
    if (WRITES.has(action) && (action === 'database.commitTransaction' || !txOf(request))) await deps.store.flushWal();
    else await deps.store.settled();
    return { requestId, ...reply };
  } catch (error) {
    if (error instanceof DbError) return { requestId, code: error.code, message: error.message };
    return { requestId, code: 'SYS_ERR', message: error instanceof Error ? error.message : String(error) };
  }
}

function collectionOf(body: Body): string {
  const name = body.collectionName;
  if (typeof name !== 'string' || name.length === 0) throw new DbError(DbErrorCodes.invalidParam, 'collectionName is required');
  return name;
}

function filterOf(body: Body, now: number): Doc {
  const decoded = decodeEjson(body.query, now);
  if (decoded === undefined || decoded === null) return {};
  if (typeof decoded !== 'object' || Array.isArray(decoded)) throw new DbError(DbErrorCodes.invalidParam, 'query must be an object');
  return decoded as Doc;
}

/** The `_id` of a DOC query (`{"_id": id}`). */
function docIdOf(filter: Doc): string {
  const id = filter._id;
  if (typeof id !== 'string' && typeof id !== 'number') throw new DbError(DbErrorCodes.invalidParam, 'document id is required');
  return String(id);
}

function sortOf(body: Body, now: number): SortSpec | undefined {
  const order = decodeEjson(body.order, now) as Record<string, unknown> | undefined;
  if (!order) return undefined;
  return Object.entries(order).map(([field, dir]) => [field, Number(dir) === -1 ? -1 : 1]);
}

function txOf(body: Body): string | undefined {
  return typeof body.transactionId === 'string' && body.transactionId.length > 0 ? body.transactionId : undefined;
}

/** An update document: operators as sent; bare fields (from raw callers) mean `$set`. */
function modifierOf(data: unknown): Modifier {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new DbError(DbErrorCodes.invalidParam, 'update data must be an object');
  const modifier: Modifier = {};
  const bare: Doc = {};
  for (const [key, value] of Object.entries(data as Doc)) {
    if (key.startsWith('$')) modifier[key] = value;
    else bare[key] = value;
  }
  if (Object.keys(bare).length > 0) modifier.$set = { ...((modifier.$set as Doc | undefined) ?? {}), ...bare };
  return modifier;
}

function documentOf(data: unknown): Doc {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new DbError(DbErrorCodes.invalidParam, 'document must be an object');
  refuseOperatorNames(data as Doc);
  return data as Doc;
}

/**
 * CloudBase refuses stored field names that start with `$` (node-sdk's index.test.ts adds
 * `{ $_key: 1 }` and expects DATABASE_REQUEST_FAILED); the wire's own `$date`, `$regularExpression`
 * … are decoded before this sees the document.
 */
function refuseOperatorNames(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) refuseOperatorNames(item);
    return;
  }
  if (value === null || typeof value !== 'object' || value instanceof Date || value instanceof RegExp) return;
  for (const key of Object.keys(value)) {
    if (key.startsWith('$')) throw new DbError(DbErrorCodes.requestFailed, `field names may not start with '$': ${key}`);
    refuseOperatorNames((value as Doc)[key]);
  }
}

function findOptionsOf(body: Body, now: number, limit: number) {
  return {
    sort: sortOf(body, now),
    skip: Number(body.offset ?? 0),
    limit,
    projection: body.projection ? (decodeEjson(body.projection, now) as Doc) : undefined,
  };
}

type Handler = (body: Body, deps: AdminApiDeps, now: number) => Promise<Reply> | Reply;

const handlers: Record<string, Handler> = {
  'database.getDocument': (body, { store, transactions }, now) => {
    const collection = collectionOf(body);
    const filter = filterOf(body, now);
    const tx = txOf(body);
    if (body.queryType === 'DOC') {
      const id = docIdOf(filter);
      if (!tx && !body.projection) {
        // The stored JSON is already the reply's format: no parse and re-encode.
        const text = store.getText(collection, id);
        return { data: { list: text === undefined ? [] : [text] } };
      }
      const doc = tx ? transactions.get(tx, collection, id) : (store.getRow(collection, id)?.doc ?? null);
      const projected = doc && body.projection ? store.project([doc], decodeEjson(body.projection, now) as Doc)[0]! : doc;
      return { data: { list: projected ? [encodeDocument(projected)] : [] } };
    }
    const limit = Math.min(Math.max(Number(body.limit ?? 100), 0), MAX_LIMIT);
    const options = findOptionsOf(body, now, limit);
    // Inside a transaction a query sees its snapshot and its own writes.
    const docs = tx ? transactions.query(tx, collection, filter, options) : store.find(collection, filter, options);
    return { data: { list: docs.map(encodeDocument), limit, offset: Number(body.offset ?? 0) } };
  },

  'database.calculateDocument': (body, { store, transactions }, now) => {
    // node-sdk sends no transaction id with count(); honoured should a caller send one.
    const tx = txOf(body);
    const collection = collectionOf(body);
    const filter = filterOf(body, now);
    return { data: { total: tx ? transactions.query(tx, collection, filter).length : store.count(collection, filter) } };
  },

  'database.insertDocument': (body, { store, transactions }, now) => {
    const collection = collectionOf(body);
    const raw = Array.isArray(body.data) ? body.data : [body.data];
    const docs = raw.map((item) => documentOf(decodeEjson(item, now)));
    const tx = txOf(body);
    if (tx) {
      const ids = docs.map((doc) => {
        const id = doc._id === undefined ? randomUUID().replace(/-/g, '') : String(doc._id);
        transactions.insert(tx, collection, id, doc);
        return id;
      });
      return { data: { insertedIds: ids } };
    }
    return { data: { insertedIds: store.insert(collection, docs) } };
  },

  'database.modifyDocument': (body, { store, transactions }, now) => {
    const collection = collectionOf(body);
    const filter = filterOf(body, now);
    const data = decodeEjson(body.data, now);
    const tx = txOf(body);
    if (body.merge === false) {
      // set(): replace the document's content, creating it when missing.
      const id = docIdOf(filter);
      const doc = documentOf(data);
      if (tx) {
        const existed = transactions.set(tx, collection, id, doc);
        return { data: existed ? { updated: 1 } : { updated: 0, upsert_id: id } };
      }
      const result = store.replace(collection, id, doc);
      return { data: result.upsertedId ? { updated: 0, upsert_id: result.upsertedId } : { updated: result.updated } };
    }
    const modifier = modifierOf(data ?? {});
    const multi = body.queryType === 'DOC' ? false : body.multi !== false;
    if (tx && body.queryType === 'DOC') return { data: { updated: transactions.update(tx, collection, docIdOf(filter), modifier).updated } };
    // node-sdk (3.x) sends no transaction id with where().update(); honoured should a caller send one.
    if (tx) return { data: { updated: transactions.updateWhere(tx, collection, filter, modifier, multi).updated } };
    const result = store.update(collection, filter, modifier, multi);
    return { data: { updated: result.updated } };
  },

  'database.modifyAndReturnDoc': (body, { store, transactions }, now) => {
    const collection = collectionOf(body);
    const filter = filterOf(body, now);
    const modifier = modifierOf(decodeEjson(body.data, now) ?? {});
    const tx = txOf(body);
    // Find-and-modify counts the document it matched, changed or not (CloudBase answers
    // `updated: 1` for an update to the values it already holds).
    let matched: number;
    let doc: Doc | null | undefined;
    if (tx && body.queryType === 'DOC') {
      ({ matched, doc } = transactions.update(tx, collection, docIdOf(filter), modifier));
    } else {
      const result = tx ? transactions.updateWhere(tx, collection, filter, modifier, false) : store.update(collection, filter, modifier, false);
      matched = result.matched;
      doc = result.docs[0];
    }
    return { data: { updated: matched, doc: doc ? encodeDocument(doc) : null } };
  },

  'database.removeDocument': (body, { store, transactions }, now) => {
    const collection = collectionOf(body);
    const filter = filterOf(body, now);
    const tx = txOf(body);
    const multi = body.queryType === 'DOC' ? false : body.multi !== false;
    if (tx && body.queryType === 'DOC') return { data: { deleted: transactions.remove(tx, collection, docIdOf(filter)) } };
    // node-sdk (3.x) sends no transaction id with where().remove(); honoured should a caller send one.
    if (tx) return { data: { deleted: transactions.removeWhere(tx, collection, filter, multi) } };
    return { data: { deleted: store.remove(collection, filter, multi) } };
  },

  'database.aggregateDocuments': (body, { store }, now) => {
    const stages = Array.isArray(body.stages) ? body.stages : [];
    const pipeline = stages.map((stage) => {
      const { stageKey, stageValue } = stage as { stageKey?: unknown; stageValue?: unknown };
      if (typeof stageKey !== 'string' || !stageKey.startsWith('$')) throw new DbError(DbErrorCodes.invalidParam, 'invalid aggregate stage');
      return { [stageKey]: decodeEjson(stageValue, now) } as Doc;
    });
    return { data: { list: store.aggregate(collectionOf(body), pipeline).map(encodeDocument) } };
  },

  'database.addCollection': (body, { store }) => {
    const name = collectionOf(body);
    if (!store.createCollection(name)) throw new DbError(DbErrorCodes.collectionExists, `collection ${name} already exists`);
    return {};
  },

  'database.startTransaction': (_body, { transactions }) => ({ transactionId: transactions.begin() }),

  'database.commitTransaction': (body, { transactions }) => {
    transactions.commit(String(body.transactionId));
    return {};
  },

  'database.abortTransaction': (body, { transactions }) => {
    transactions.abort(String(body.transactionId));
    return {};
  },

  'storage.getUploadMetadata': (body, { storage }) => ({ data: storage.uploadMetadata(String(body.path ?? '')) }),

  'storage.batchGetDownloadUrl': (body, { storage }) => {
    const list = Array.isArray(body.file_list) ? body.file_list : [];
    checkFileBatch(list.length, 'getTempFileURL');
    return {
      data: {
        download_list: list.map((item) => {
          const { fileid, max_age } = item as { fileid?: unknown; max_age?: unknown };
          return storage.downloadUrl(String(fileid ?? ''), Number(max_age ?? 3600));
        }),
      },
    };
  },

  'storage.batchDeleteFile': (body, { storage }) => {
    const list = Array.isArray(body.fileid_list) ? body.fileid_list : [];
    checkFileBatch(list.length, 'deleteFile');
    return { data: { delete_list: list.map((fileId) => storage.remove(String(fileId))) } };
  },

  'storage.batchCopyFile': (body, { storage }) => {
    const list = Array.isArray(body.file_list) ? body.file_list : [];
    return {
      data: {
        copy_list: list.map((item) => {
          const { src_path, dst_path, overwrite, remove_original } = item as Record<string, unknown>;
          return storage.copy(String(src_path ?? ''), String(dst_path ?? ''), overwrite !== false, remove_original === true);
        }),
      },
    };
  },

  // WeChat open APIs (node-sdk callWxOpenApi) and their dev controls: the emulated WeChat.
  'wx.api': (body, deps) => handleWxApi(body, deps),
  'wx.dev': (body, deps) => handleWxDev(body, deps),

  'functions.invokeFunction': async (body, { invokeFunction }) => {
    if (!invokeFunction) return { code: 'FUNCTION_NOT_FOUND', message: 'no function host attached' };
    const raw = typeof body.request_data === 'string' && body.request_data !== '' ? JSON.parse(body.request_data) : {};
    const result = await invokeFunction(String(body.function_name), raw);
    return { data: { response_data: JSON.stringify(result) } };
  },
};
