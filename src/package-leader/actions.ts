/** The members function's actions (applications, members, invites): registered when package-leader loads (every page imports this; src/services/actions.ts says why). */
import { registerActions } from '../services/actions';
import { membersActions } from '../shared/api/members';

registerActions({ ...membersActions });
