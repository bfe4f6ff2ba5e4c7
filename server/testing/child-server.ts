// The real server in a process of its own, for tests that kill it: node child-server.ts <dataDir>
// Prints one JSON line, {"url", "firstAdmin"}, once it listens; logs go to stderr.
import { startServer } from '../app.ts';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: node server/testing/child-server.ts <dataDir>');
  process.exit(2);
}
const server = await startServer({
  dataDir,
  port: 0,
  host: '127.0.0.1',
  passwordCost: 10,
  log: (msg) => console.error(msg),
});
process.stdout.write(
  `${JSON.stringify({ url: server.url, firstAdmin: server.firstAdmin ?? null })}\n`,
);
