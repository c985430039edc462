/**
 * The contract slice of the cloud function `console` (cloudfunctions/console/):
 * the staff console — audit log, dashboards, Excel exports (background jobs).
 */
import {
  AuditSearchInput,
  AuditSearchOutput,
  DashboardInput,
  DashboardOutput,
  ExportInput,
  ExportOutput,
  JobsGetInput,
  NotifyFailuresSummaryInput,
  NotifyFailuresSummaryOutput,
} from '../schemas/console';
import { action, type ActionSpec } from './actionSpec';

export const consoleActions = {
  'audit.search': action({
    fn: 'console',
    input: AuditSearchInput,
    output: AuditSearchOutput,
    mutation: false,
    audience: 'staff',
  }),
  'notifyFailures.summary': action({
    fn: 'console',
    input: NotifyFailuresSummaryInput,
    output: NotifyFailuresSummaryOutput,
    mutation: false,
    audience: 'staff',
  }),
  'dashboard.summary': action({
    fn: 'console',
    input: DashboardInput,
    output: DashboardOutput,
    mutation: false,
    audience: 'staff',
  }),
  'dashboard.export': action({
    fn: 'console',
    input: ExportInput,
    output: ExportOutput,
    mutation: true,
    audience: 'staff',
    rateLimit: { limit: 20, windowSeconds: 3600 },
  }),
  // Advances the export a slice if no one else is (slices are idempotent), then tells how far it is.
  'exports.get': action({
    fn: 'console',
    input: JobsGetInput,
    output: ExportOutput,
    mutation: false,
    audience: 'staff',
  }),
} as const satisfies Record<string, ActionSpec>;
