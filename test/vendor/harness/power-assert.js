// `power-assert` (the vendor's devDependency) as Node's assert: the same verdicts without the
// diagrams. Node 10, which the vendor's suite ran on, let `assert.strictEqual(x)` compare x with
// undefined; Node 20 refuses a missing argument, so the comparisons take two arguments here.
const assert = require('node:assert');

const shim = (...args) => assert(...args);
for (const key of Object.keys(assert)) shim[key] = assert[key];
for (const key of ['strictEqual', 'deepStrictEqual', 'equal', 'deepEqual', 'notStrictEqual', 'notEqual', 'notDeepStrictEqual']) {
  shim[key] = (actual, expected, message) => assert[key](actual, expected, message);
}
module.exports = shim;
