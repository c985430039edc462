/** The care function's actions (people served, pairings, visits): registered when package-care loads (every page imports this; src/services/actions.ts says why). */
import { registerActions } from '../services/actions';
import { careActions } from '../shared/api/care';

registerActions({ ...careActions });
