// Opinion forms on disk: one JSON file per form, replaced atomically and fsynced (an ack is a
// promise: an answer is acknowledged only once its form file is on disk).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OpinionForm } from '../../core/index.ts';
import { writeFileDurable } from '../store/durable-file.ts';

const FILE = /^[A-Za-z0-9_-]{1,64}\.json$/;

export class FormFiles {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  async loadAll(): Promise<OpinionForm[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    // leftover temp files of an interrupted write are skipped: the rename never happened
    const forms = await Promise.all(
      names
        .filter((n) => FILE.test(n))
        .map(async (n) => JSON.parse(await readFile(join(this.dir, n), 'utf8')) as OpinionForm),
    );
    return forms;
  }

  write(form: OpinionForm): Promise<void> {
    return writeFileDurable(join(this.dir, `${form.id}.json`), JSON.stringify(form));
  }
}
