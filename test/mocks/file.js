// Imported images resolve to a path string, as in the build.
module.exports = 'test-file-stub';
