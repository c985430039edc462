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
