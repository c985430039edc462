/** The credits function's actions (credits, the points store): registered when package-volunteer loads (every page imports this; src/services/actions.ts says why). */
import { registerActions } from '../services/actions';
import { creditsActions } from '../shared/api/credits';

registerActions({ ...creditsActions });
