/** Refusals about communities and the region tree (regions function, and any action that takes a community). */
import { defineErrors } from './defineErrors';

export const regionErrors = /* @__PURE__ */ defineErrors('regions', {
  communityNotFound: { code: 'NOT_FOUND', zh: '社区不存在', en: 'This community does not exist.' },
  communityUnknown: { code: 'INVALID_INPUT', zh: '社区不存在', en: 'This community does not exist.', field: { path: 'communityId' } },
  communityRequired: { code: 'INVALID_INPUT', zh: '请先选择你所在的社区', en: 'Please choose your community first.', field: { path: 'communityId' } },
  gridAreaNotOffered: { code: 'INVALID_INPUT', zh: '请从本社区的网格中选择', en: "Please choose one of your community's grid areas.", field: { path: 'gridArea' } },
  importCountyStaffOnly: { code: 'FORBIDDEN', zh: '只有区县工作人员可以导入区划', en: 'Only county staff can import regions.' },
  importFileTooLarge: { code: 'INVALID_INPUT', zh: '文件不能超过 2 MB', en: 'The file must not be larger than 2 MB.', field: { path: 'source' } },
  importCountyMissing: {
    code: 'FORBIDDEN',
    zh: '该区县尚未建立，首次导入请由管理员用命令行完成（npm run admin -- regions import）',
    en: 'This county has not been set up yet. The first import is done by an administrator on the command line (npm run admin -- regions import).',
  },
  importFileForeign: { code: 'INVALID_INPUT', zh: '不是导入页上传的文件', en: 'This file was not uploaded from the import page.', field: { path: 'source.fileId', prefix: 'source' } },
  importFileMissing: { code: 'NOT_FOUND', zh: '找不到上传的文件，请重新选择', en: 'The uploaded file cannot be found. Please choose it again.' },
});
