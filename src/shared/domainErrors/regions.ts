/** Refusals about communities and the region tree (regions function, and any action that takes a community). */
import { regionsZhCN } from '../../locales/errors.zh-CN';
import { defineErrors } from './defineErrors';

export const regionErrors = /* @__PURE__ */ defineErrors('regions', regionsZhCN, {
  communityNotFound: { code: 'NOT_FOUND' },
  communityUnknown: { code: 'INVALID_INPUT', field: { path: 'communityId' } },
  communityRequired: { code: 'INVALID_INPUT', field: { path: 'communityId' } },
  gridAreaNotOffered: { code: 'INVALID_INPUT', field: { path: 'gridArea' } },
  importCountyStaffOnly: { code: 'FORBIDDEN' },
  importFileTooLarge: { code: 'INVALID_INPUT', field: { path: 'source' } },
  importCountyMissing: { code: 'FORBIDDEN' },
  importFileForeign: { code: 'INVALID_INPUT', field: { path: 'source.fileId', prefix: 'source' } },
  importFileMissing: { code: 'NOT_FOUND' },
});
