// A stand-in for the desktop app's preload (window.desktop) inside a real Chromium page, so the
// renderer's desktop paths (first-run server screen, packs, remote wipe) run against the real
// server. Main's side of each call is tested in electron/ with Vitest; this is the page's side.
// The function is serialised into the page by addInitScript: it must not use anything outside.
export function installFakeDesktop(opts: { serverPort: string; secure: boolean }): void {
  type State = { origin: string | null; token: string | null; calls: string[] };
  const KEY = '__fakeDesktop';
  const load = (): State =>
    JSON.parse(localStorage.getItem(KEY) ?? '{"origin":null,"token":null,"calls":[]}') as State;
  const update = (change: (s: State) => void): void => {
    const s = load();
    change(s);
    localStorage.setItem(KEY, JSON.stringify(s));
  };
  const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });
  const hex = async (bytes: Uint8Array): Promise<string> =>
    Array.from(
      new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)),
      (b) => b.toString(16).padStart(2, '0'),
    ).join('');
  const blobs = new Map<string, Uint8Array>();

  const check = (address: string) =>
    ok(
      address.includes(`:${opts.serverPort}`)
        ? { ok: true, origin: location.origin, version: 'test', protocol: 1 }
        : { ok: false, problem: 'UNREACHABLE', detail: 'connect ECONNREFUSED' },
    );
  (window as unknown as { desktop: unknown }).desktop = {
    contract: 1,
    server: {
      get: () => ok({ origin: load().origin }),
      check,
      set: async (address: string) => {
        const result = await check(address);
        update((s) => {
          s.calls.push(`server:set ${address}`);
          if (result.value.ok) s.origin = location.origin;
        });
        return result;
      },
    },
    session: {
      load: () => ok({ token: load().token, secureStorage: opts.secure }),
      save: (token: string, account: string) => {
        update((s) => {
          s.token = token;
          s.calls.push(`session:save ${account}`);
        });
        return ok({ token, secureStorage: opts.secure });
      },
      end: () => {
        update((s) => {
          s.token = null;
          s.calls.push('session:end');
        });
        blobs.clear();
        return ok(null);
      },
      forget: () => {
        update((s) => {
          s.token = null;
          s.calls.push('session:forget');
        });
        return ok(null);
      },
    },
    cache: {
      get: (sha: string) => ok(blobs.get(sha) ?? null),
      has: (sha: string) => ok(blobs.has(sha)),
      put: async (sha: string, bytes: Uint8Array) => {
        if ((await hex(bytes)) !== sha)
          return { ok: false, error: { code: 'INVALID_PAYLOAD', message: 'hash mismatch' } };
        blobs.set(sha, bytes);
        update((s) => s.calls.push(`cache:put ${sha.slice(0, 8)}`));
        return ok(null);
      },
      claim: (sha: string) => ok(blobs.has(sha)),
      delete: (sha: string) => ok(blobs.delete(sha) && null),
      list: () => ok([...blobs.keys()]),
      usage: () => ok({ files: blobs.size, bytes: 0 }),
      notePack: (pack: { meetingId: string }, closed: boolean) => {
        update((s) => s.calls.push(`cache:note-pack ${pack.meetingId} ${closed}`));
        return ok(null);
      },
      evict: () => ok([]),
      wipeAccount: () => ok(null),
      wipe: () => ok(null),
      status: () =>
        ok({ locked: false, lastContactAt: null, lockAfterDays: 7, retentionDays: 30, usage: {} }),
    },
  };
}

export const FAKE_DESKTOP_KEY = '__fakeDesktop';
