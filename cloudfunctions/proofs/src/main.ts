/** Cloud function `proofs`: proofs of service (requested, issued as PDF, verified) and record exports. */
import { downloadProof, exportRecord, issueProof, myProofs, proofQueue, rejectProof, requestProof, verifyProof } from '../../_core/commands/proofDesk';
import { createHandler } from '../../_core/pipeline/createHandler';

export const main = createHandler({
  fn: 'proofs',
  actions: {
    'proofs.request': async ({ actor, input, requestId, now }) => requestProof(actor, input, requestId!, now),
    'proofs.mine': async ({ actor, input }) => myProofs(actor, input.offset, input.limit),
    'proofs.queue': async ({ actor, input }) => proofQueue(actor, input.offset, input.limit),
    'proofs.issue': async ({ actor, input, now }) => issueProof(actor, input, now),
    'proofs.reject': async ({ actor, input, now }) => rejectProof(actor, input.proofId, input.reason, now),
    'proofs.download': async ({ actor, input }) => downloadProof(actor, input.proofId),
    'proofs.verify': async ({ input }) => verifyProof(input.code),
    'records.export': async ({ actor, input, requestId, now }) => exportRecord(actor, input.from, input.to, requestId!, now),
  },
});
