/**
 * Who is asking, as commands and presenters see it: the policy view (user id and staff grants)
 * plus the user document. The request pipeline resolves it (pipeline/actor.ts); everything
 * below the pipeline only reads it, so the type lives with authorization, not with the pipeline.
 */
import type { PolicyActor } from '../../../src/shared/policies/actor';
import type { UserDoc } from '../repositories/users';

/** The caller of a request, resolved from the trusted platform context only. */
export interface Actor extends PolicyActor {
  openid: string;
  user: UserDoc;
}
