// Server configuration from command-line flags, then ECAB_* environment variables, then defaults.
import { parseArgs } from 'node:util';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  demo: boolean;
  tlsCert?: string;
  tlsKey?: string;
  sessionHours: number;
  maxUploadMb: number;
  help: boolean;
}

export const USAGE = `Usage: node server/main.ts [options]

  --port <n>            port to listen on (env ECAB_PORT, default 8080)
  --host <addr>         address to listen on (env ECAB_HOST, default 0.0.0.0: every network)
  --data <dir>          data folder (env ECAB_DATA, default ./data)
  --demo                load the demo accounts and meetings into the data folder (env ECAB_DEMO=1)
  --tls-cert <file>     PEM certificate: serve HTTPS and secure WebSockets (env ECAB_TLS_CERT)
  --tls-key <file>      PEM private key for --tls-cert (env ECAB_TLS_KEY)
  --session-hours <n>   how long a login lasts (env ECAB_SESSION_HOURS, default 12)
  --max-upload-mb <n>   largest document accepted (env ECAB_MAX_UPLOAD_MB, default 200)
  --help                show this text
`;

export class ConfigError extends Error {}

function num(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
  return n;
}

export function readConfig(argv: string[], env: NodeJS.ProcessEnv): Config {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        demo: { type: 'boolean' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'session-hours': { type: 'string' },
        'max-upload-mb': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  const tlsCert = values['tls-cert'] ?? env.ECAB_TLS_CERT;
  const tlsKey = values['tls-key'] ?? env.ECAB_TLS_KEY;
  if (!!tlsCert !== !!tlsKey)
    throw new ConfigError('--tls-cert and --tls-key go together: give both or neither.');
  return {
    port: num('--port', values.port ?? env.ECAB_PORT, 8080, 0, 65535),
    host: values.host ?? env.ECAB_HOST ?? '0.0.0.0',
    dataDir: values.data ?? env.ECAB_DATA ?? 'data',
    demo: values.demo ?? ['1', 'true', 'yes'].includes((env.ECAB_DEMO ?? '').toLowerCase()),
    tlsCert: tlsCert || undefined,
    tlsKey: tlsKey || undefined,
    sessionHours: num(
      '--session-hours',
      values['session-hours'] ?? env.ECAB_SESSION_HOURS,
      12,
      1,
      24 * 30,
    ),
    maxUploadMb: num(
      '--max-upload-mb',
      values['max-upload-mb'] ?? env.ECAB_MAX_UPLOAD_MB,
      200,
      1,
      4096,
    ),
    help: values.help ?? false,
  };
}
