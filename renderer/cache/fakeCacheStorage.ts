// An in-memory CacheStorage (the parts the document cache uses), for tests in Node where there
// is no browser. Entries are kept as bytes and headers, and each match() is a fresh Response,
// as in a browser. `entries` lets a test damage what is stored.
type Stored = { body: Uint8Array; headers: [string, string][] };

const keyOf = (request: RequestInfo | URL): string =>
  typeof request === 'string'
    ? new URL(request).href
    : request instanceof URL
      ? request.href
      : request.url;

class FakeCache {
  readonly entries = new Map<string, Stored>();

  async match(request: RequestInfo | URL): Promise<Response | undefined> {
    const hit = this.entries.get(keyOf(request));
    return hit
      ? new Response(hit.body.slice() as Uint8Array<ArrayBuffer>, { headers: hit.headers })
      : undefined;
  }

  async put(request: RequestInfo | URL, response: Response): Promise<void> {
    const key = keyOf(request);
    if (!/^https?:/.test(key)) throw new TypeError('Request scheme must be http or https');
    const body = new Uint8Array(await response.arrayBuffer());
    this.entries.set(key, { body, headers: [...response.headers.entries()] });
  }

  async delete(request: RequestInfo | URL): Promise<boolean> {
    return this.entries.delete(keyOf(request));
  }

  async keys(): Promise<Request[]> {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
}

export class FakeCacheStorage {
  readonly caches = new Map<string, FakeCache>();

  async open(name: string): Promise<FakeCache> {
    let cache = this.caches.get(name);
    if (!cache) this.caches.set(name, (cache = new FakeCache()));
    return cache;
  }

  async has(name: string): Promise<boolean> {
    return this.caches.has(name);
  }

  async delete(name: string): Promise<boolean> {
    return this.caches.delete(name);
  }

  async keys(): Promise<string[]> {
    return [...this.caches.keys()];
  }

  async match(request: RequestInfo | URL): Promise<Response | undefined> {
    for (const cache of this.caches.values()) {
      const hit = await cache.match(request);
      if (hit) return hit;
    }
    return undefined;
  }

  asCacheStorage(): CacheStorage {
    return this as unknown as CacheStorage;
  }
}
