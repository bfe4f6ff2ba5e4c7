// Durable file primitives: atomic replace (temp file, fsync, rename, fsync of the folder) and
// appends flushed with fdatasync. lowdb's own JSONFile renames but never fsyncs, so a power cut
// could lose a write it had reported done; an ack is a promise, so we flush ourselves.
import { open, rename, mkdir, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';

export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

let tmpCounter = 0;

export async function writeFileDurable(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${++tmpCounter}.tmp`;
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, file);
  await fsyncDir(dirname(file));
}

/** An append-only file whose appends are on disk when their promise resolves. */
export class AppendLog {
  readonly file: string;
  #handle: Promise<FileHandle> | null = null;

  constructor(file: string) {
    this.file = file;
  }

  async append(text: string): Promise<void> {
    if (!this.#handle) {
      this.#handle = (async () => {
        await mkdir(dirname(this.file), { recursive: true });
        const h = await open(this.file, 'a');
        await fsyncDir(dirname(this.file));
        return h;
      })();
    }
    const handle = await this.#handle;
    await handle.write(text);
    await handle.datasync();
  }

  async close(): Promise<void> {
    const h = this.#handle;
    this.#handle = null;
    if (h) await (await h).close();
  }
}

/** A lowdb adapter that writes atomically and durably; writes are serialised in call order. */
export class DurableJSONFile<T> implements Adapter<T> {
  readonly file: string;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(file: string) {
    this.file = file;
  }

  async read(): Promise<T | null> {
    try {
      const handle = await open(this.file, 'r');
      try {
        return JSON.parse(await handle.readFile('utf8')) as T;
      } finally {
        await handle.close();
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  write(data: T): Promise<void> {
    const text = JSON.stringify(data);
    const next = this.#queue.then(() => writeFileDurable(this.file, text));
    this.#queue = next.catch(() => undefined);
    return next;
  }
}
