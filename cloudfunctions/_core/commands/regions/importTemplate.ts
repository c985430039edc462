/** regions.importTemplate: the spreadsheet template of a region import. */
import { regionTemplateWorkbook } from '../../documents/regionSheet';
import { fileStore } from '../../ports/storage';

/** Uploads the template (header, examples, a sheet of notes) and answers a link to it. */
export async function regionImportTemplate(): Promise<{ fileId: string; url: string; fileName: string }> {
  const fileName = 'regions-template.xlsx';
  const fileId = await fileStore().upload(`templates/${fileName}`, await regionTemplateWorkbook());
  const url = (await fileStore().temporaryUrls([fileId])).get(fileId) ?? '';
  return { fileId, url, fileName };
}
