import { act } from '@testing-library/react';
import { reloadSettings } from '../../../src/stores/settings';
import { sessionStore } from '../../../src/stores/session';
import { hasSession, mockActions } from '../../mocks/cloud';
import { routerParams, routerPath } from '../../mocks/taro';

/** Fresh module state for the next test: default settings, no cached account, no mocks, no params. */
export function resetApp(): void {
  act(() => {
    reloadSettings();
    sessionStore.set({ status: 'idle', me: null, error: null });
  });
  mockActions({});
  hasSession.mockImplementation(() => true);
  for (const key of Object.keys(routerParams)) delete routerParams[key];
  routerPath.current = '/pages/test/index';
}
