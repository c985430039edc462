import { configure } from '@testing-library/react';

// findBy* and waitFor give up after asyncUtilTimeout (1 s by default). A page's first render with
// NutUI takes a few hundred milliseconds on an idle machine and several times that on a loaded
// 2-core CI running four jest projects, so 1 s made tests fail for speed, not for behaviour.
// These calls end as soon as their condition holds: a larger bound costs nothing when all is
// well and only delays the report of a real failure (jest's 60 s testTimeout stays above it).
configure({ asyncUtilTimeout: 15_000 });

// Each test starts with empty storage (settings, token); module stores are reset by support/reset.ts.
afterEach(() => {
  window.localStorage.clear();
});

// NutUI's Dialog animates with react-transition-group, which still calls findDOMNode: a
// deprecation notice from a dependency, not something our tests can act on. Everything else
// printed to console.error stays visible.
const consoleError = console.error.bind(console);
beforeAll(() => {
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('findDOMNode is deprecated')) return;
    consoleError(...args);
  });
});
