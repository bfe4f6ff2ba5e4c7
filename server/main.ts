// The secretariat server's command line: node server/main.ts [--demo] [--port 8080] ...
import { networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startServer } from './app.ts';
import { ConfigError, readConfig, USAGE } from './config.ts';

function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal)
    .map((a) => a!.address);
}

async function main(): Promise<void> {
  let config;
  try {
    config = readConfig(process.argv.slice(2), process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (config.help) {
    console.log(USAGE);
    return;
  }
  const server = await startServer({
    dataDir: config.dataDir,
    port: config.port,
    host: config.host,
    demo: config.demo,
    tls: config.tlsCert && config.tlsKey ? { cert: config.tlsCert, key: config.tlsKey } : undefined,
    staticDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    sessionHours: config.sessionHours,
    maxUploadMb: config.maxUploadMb,
    log: (msg) => console.error(msg),
  });
  const scheme = config.tlsCert ? 'https' : 'http';
  const lan = ['0.0.0.0', '::'].includes(config.host) ? lanAddresses() : [];
  console.log(`eCabinet server is running (data: ${config.dataDir})`);
  console.log(`  on this computer:  ${server.url}`);
  for (const ip of lan) console.log(`  in the room (LAN): ${scheme}://${ip}:${server.port}`);
  if (server.firstAdmin) {
    console.log(
      `\nFirst start: log in as "${server.firstAdmin.username}" with the one-time password`,
    );
    console.log(`  ${server.firstAdmin.password}`);
    console.log('and choose a new password. It is not shown again.');
  }
  if (server.demoLogins) {
    console.log(`\nDemo logins (password for all: ${server.demoLogins[0]?.password ?? ''}):`);
    for (const d of server.demoLogins)
      console.log(`  ${d.username.padEnd(10)} ${d.displayName} (${d.roles})`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: saving and stopping…`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  const e = err as NodeJS.ErrnoException;
  if (e.code === 'EADDRINUSE')
    console.error(`The port is already in use: ${e.message}. Choose another with --port.`);
  else if (e.code === 'EACCES')
    console.error(
      `Not allowed: ${e.message}. Ports below 1024 need extra rights; try --port 8080.`,
    );
  else console.error(err);
  process.exit(1);
});
