/* global module */
// electron-builder's beforeBuild hook: returning false skips installing and collecting
// node_modules, which the app does not need (main and preload are bundled by electron/build.ts).
module.exports = async () => false;
