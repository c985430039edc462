// The vendor's test/config.local.js (their keys and environment) replaced: the local cloud's
// database endpoint, which test/vendor/run.ts started and names in LINLI_VENDOR_SERVICE_URL.
module.exports = {
  env: 'local',
  secretId: 'local',
  secretKey: 'local',
  serviceUrl: process.env.LINLI_VENDOR_SERVICE_URL,
};
