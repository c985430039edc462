// The vendor's test/setup.js (a 60 s timeout per test), plus what their jest 23 and Node 10 did
// that jest 29 does not.
jest.setTimeout(60000);
// As test/support/sdkTarget.ts: node-sdk then skips probing for Tencent's internal network.
process.env.TENCENTCLOUD = 'true';
// node-sdk's slow-request warning, off (its own switch).
process.env.SILENCE = 'true';
// jest 23 ignored a promise returned by a describe body (some of the vendor's are async); jest 29
// refuses it, so the body's promise is dropped here as it was there.
const wrap = (describe) => (name, body) => describe(name, function () { body.call(this); });
global.describe = Object.assign(wrap(global.describe), global.describe, {
  skip: wrap(global.describe.skip),
  only: wrap(global.describe.only),
});
