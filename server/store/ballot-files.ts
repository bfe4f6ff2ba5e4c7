// A meeting's ballots on disk, a file per vote in meetings/<id>/votes/:
//   <voteId>.ballots.jsonl  a named vote: one line per ballot, appended and fdatasync'ed; the last
//                           line of a voter is their ballot
//   <voteId>.box.json       a secret vote: { roll, ballots } (see SecretBox), replaced whole and
//                           atomically after every batch, so that no line or order links the two
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NamedBallot } from '../../core/index.ts';
import { AppendLog, writeFileDurable } from './durable-file.ts';
import { readLines } from './lines.ts';
import type { BallotWrite, SecretBox, StoredBallots } from './types.ts';

const NAMED = /^([A-Za-z0-9_-]{1,64})\.ballots\.jsonl$/;
const SECRET = /^([A-Za-z0-9_-]{1,64})\.box\.json$/;
const VOTE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export class BallotFiles {
  readonly dir: string;
  readonly #logs = new Map<string, AppendLog>();

  constructor(meetingDir: string) {
    this.dir = join(meetingDir, 'votes');
  }

  async load(): Promise<StoredBallots[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const out: StoredBallots[] = [];
    for (const name of names.sort()) {
      const named = NAMED.exec(name);
      const secret = SECRET.exec(name);
      if (named?.[1]) {
        const ballots = await readLines<NamedBallot>(join(this.dir, name));
        out.push({ voteId: named[1], kind: 'named', ballots });
      } else if (secret?.[1]) {
        const box = JSON.parse(await readFile(join(this.dir, name), 'utf8')) as SecretBox;
        out.push({ voteId: secret[1], kind: 'secret', box });
      }
      // anything else (a temp file left by a crash mid-replace) was never acknowledged
    }
    return out;
  }

  async write(batch: BallotWrite): Promise<void> {
    if (!VOTE_ID.test(batch.voteId)) throw new Error(`Bad vote id: ${batch.voteId}`);
    if (batch.kind === 'secret') {
      await writeFileDurable(join(this.dir, `${batch.voteId}.box.json`), JSON.stringify(batch.box));
      return;
    }
    if (batch.ballots.length === 0) return;
    let log = this.#logs.get(batch.voteId);
    if (!log) {
      log = new AppendLog(join(this.dir, `${batch.voteId}.ballots.jsonl`));
      this.#logs.set(batch.voteId, log);
    }
    await log.append(batch.ballots.map((b) => JSON.stringify(b) + '\n').join(''));
  }

  async close(): Promise<void> {
    await Promise.all([...this.#logs.values()].map((l) => l.close()));
    this.#logs.clear();
  }
}
