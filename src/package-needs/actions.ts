/** The needs and members functions' actions (the needs board, offers; a group's members): registered when package-needs loads (every page imports this; src/services/actions.ts says why). */
import { registerActions } from '../services/actions';
import { needsActions } from '../shared/api/needs';
import { membersActions } from '../shared/api/members';

registerActions({ ...needsActions, ...membersActions });
