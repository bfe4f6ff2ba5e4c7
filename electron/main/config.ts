// The desktop app's settings (config.json in the data folder): which server, how long a device
// may stay offline before its cache locks, how long closed meetings' packs are kept.
import { z } from 'zod';
import { normaliseServerAddress } from '../../core/desktop.ts';
import { readJson, writeJson } from './json-file.ts';

const Origin = z
  .string()
  .refine(
    (s) => normaliseServerAddress(s) === s,
    'must be an http(s) origin, e.g. https://host:8443',
  );

export const ConfigSchema = z.strictObject({
  serverOrigin: Origin.nullable().default(null),
  /** A device that has not reached the server for this long locks its cached packs. */
  offlineLockDays: z.number().int().min(1).max(365).default(7),
  /** Packs of closed meetings are removed this long after the device saw the meeting close. */
  retentionDays: z.number().int().min(1).max(3650).default(30),
});
export type Config = z.infer<typeof ConfigSchema>;

export const DEFAULT_CONFIG: Config = ConfigSchema.parse({});

export interface LoadedConfig {
  config: Config;
  /** Why the file was not used as it is (it is then rewritten on the next save), or null. */
  problem: string | null;
}

export async function loadConfig(file: string): Promise<LoadedConfig> {
  const raw = await readJson(file);
  if (raw === undefined) return { config: DEFAULT_CONFIG, problem: null };
  const parsed = ConfigSchema.safeParse(raw);
  if (parsed.success) return { config: parsed.data, problem: null };
  // a hand-edited file with one bad value should not lose the server address
  const partial = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const config = { ...DEFAULT_CONFIG };
  for (const key of Object.keys(DEFAULT_CONFIG) as (keyof Config)[]) {
    const field = ConfigSchema.shape[key].safeParse(partial[key]);
    if (field.success) Object.assign(config, { [key]: field.data });
  }
  return { config, problem: `${file}: ${z.prettifyError(parsed.error)}` };
}

export async function saveConfig(file: string, config: Config): Promise<void> {
  await writeJson(file, ConfigSchema.parse(config));
}
