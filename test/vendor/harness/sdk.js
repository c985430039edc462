// The vendor's `../../src/index` (the SDK under test): the node-sdk build run.ts chose, named in
// LINLI_VENDOR_SDK. `default` too, because the suite imports it as a default export.
const sdk = require(process.env.LINLI_VENDOR_SDK);
module.exports = Object.assign({ default: sdk }, sdk);
