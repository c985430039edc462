/** The console and roles functions' actions (dashboards, exports, the audit log, role grants): registered when package-staff loads (every page imports this; src/services/actions.ts says why). */
import { registerActions } from '../services/actions';
import { consoleActions } from '../shared/api/console';
import { rolesActions } from '../shared/api/roles';

registerActions({ ...consoleActions, ...rolesActions });
