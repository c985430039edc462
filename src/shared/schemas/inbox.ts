/** The inbox (served by the cloud function `inbox`): my notices and the unread count. */
import * as z from '../zod';
import { Page, paged } from './common';

export const InboxItem = z.object({ id: z.string(), kind: z.string(), title: z.string(), body: z.string(), link: z.string().nullable(), createdAt: z.string(), read: z.boolean() });
export const InboxListInput = Page.extend({}).strict();
export const InboxListOutput = paged(InboxItem).extend({ unread: z.number().int() });
export const InboxMarkReadInput = z.object({ ids: z.array(z.string().max(80)).max(100).optional() }).strict();
export const InboxMarkReadOutput = z.object({ unread: z.number().int() });
