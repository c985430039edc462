/** Cloud function `proofs`: proofs of service (requested, issued as PDF, verified) and record exports. */
import { downloadProof } from '../../_core/commands/proofs/download';
import { exportRecord } from '../../_core/commands/proofs/exportRecord';
import { issueProof } from '../../_core/commands/proofs/issue';
import { myProofs } from '../../_core/commands/proofs/mine';
import { proofQueue } from '../../_core/commands/proofs/queue';
import { rejectProof } from '../../_core/commands/proofs/reject';
import { requestProof } from '../../_core/commands/proofs/request';
import { verifyProof } from '../../_core/commands/proofs/verify';
import { createHandler } from '../../_core/pipeline/createHandler';
import { proofsActions } from '../../../src/shared/api/proofs';

export const main = createHandler({
  fn: 'proofs',
  contract: proofsActions,
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
