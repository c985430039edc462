/**
 * The contract slice of the cloud function `proofs` (cloudfunctions/proofs/):
 * proofs of service (requested, issued as PDF, verified) and record exports.
 */
import {
  FileLinkOutput,
  ProofsDownloadInput,
  ProofsIssueInput,
  ProofsListInput,
  ProofsListOutput,
  ProofsRejectInput,
  ProofsRequestInput,
  ProofsVerifyInput,
  ProofsVerifyOutput,
  ProofView,
  RecordsExportInput,
} from '../schemas/proofs';
import { action, type ActionSpec } from './actionSpec';

export const proofsActions = {
  'proofs.request': action({
    fn: 'proofs',
    input: ProofsRequestInput,
    output: ProofView,
    mutation: true,
    audience: 'signed-in',
    rateLimit: { limit: 30, windowSeconds: 3600 },
  }),
  'proofs.mine': action({
    fn: 'proofs',
    input: ProofsListInput,
    output: ProofsListOutput,
    mutation: false,
    audience: 'signed-in',
  }),
  'proofs.queue': action({
    fn: 'proofs',
    input: ProofsListInput,
    output: ProofsListOutput,
    mutation: false,
    audience: 'signed-in',
  }),
  'proofs.issue': action({
    fn: 'proofs',
    input: ProofsIssueInput,
    output: ProofView,
    mutation: true,
    audience: 'signed-in',
  }),
  'proofs.reject': action({
    fn: 'proofs',
    input: ProofsRejectInput,
    output: ProofView,
    mutation: true,
    audience: 'signed-in',
  }),
  'proofs.download': action({
    fn: 'proofs',
    input: ProofsDownloadInput,
    output: FileLinkOutput,
    mutation: false,
    audience: 'signed-in',
  }),
  'proofs.verify': action({
    fn: 'proofs',
    input: ProofsVerifyInput,
    output: ProofsVerifyOutput,
    mutation: false,
    audience: 'public',
    rateLimit: { limit: 120, windowSeconds: 60 },
  }),
  'records.export': action({
    fn: 'proofs',
    input: RecordsExportInput,
    output: FileLinkOutput,
    mutation: true,
    audience: 'signed-in',
    rateLimit: { limit: 20, windowSeconds: 3600 },
  }),
} as const satisfies Record<string, ActionSpec>;
