// The embedded store: a folder per meeting on local disk.
//   meetings/<id>/journal.jsonl  every batch of events, appended and fdatasync'ed (the truth)
//   meetings/<id>/meeting.json   a lowdb snapshot of the state, rewritten atomically now and then
//   meetings/<id>/audit.jsonl    who did what when, append-only
//   meetings/<id>/votes/         ballots, one file per vote (see ballot-files.ts)
//   meetings/<id>/projector.json the projector token's hash
//   accounts.json                accounts and sessions (lowdb, atomic and fsync'ed)
//   blobs/<sha256>               uploaded documents, content-addressed
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Low } from 'lowdb';
import { apply, emptyMeeting, withDefaults, type MeetingEvent } from '../../core/index.ts';
import { BallotFiles } from './ballot-files.ts';
import { AppendLog, DurableJSONFile, fsyncDir, writeFileDurable } from './durable-file.ts';
import { parseLines, readLines } from './lines.ts';
import type {
  AccountsData,
  AuditEntry,
  Batch,
  CommandRecord,
  LoadedMeeting,
  MeetingSnapshot,
  ProjectorRecord,
  Store,
} from './types.ts';

const MEETING_ID = /^[A-Za-z0-9_-]{1,64}$/;

interface MeetingFiles {
  journal: AppendLog;
  audit: AppendLog;
  snapshot: Low<MeetingSnapshot | null>;
  votes: BallotFiles;
}

export async function openFileStore(dataDir: string): Promise<Store> {
  const meetingsDir = join(dataDir, 'meetings');
  const blobDir = join(dataDir, 'blobs');
  await mkdir(meetingsDir, { recursive: true });
  await mkdir(blobDir, { recursive: true });
  const accounts = new Low<AccountsData>(new DurableJSONFile(join(dataDir, 'accounts.json')), {
    accounts: [],
    sessions: [],
  });
  const open = new Map<string, MeetingFiles>();

  const files = (meetingId: string): MeetingFiles => {
    if (!MEETING_ID.test(meetingId)) throw new Error(`Bad meeting id: ${meetingId}`);
    let f = open.get(meetingId);
    if (!f) {
      const dir = join(meetingsDir, meetingId);
      f = {
        journal: new AppendLog(join(dir, 'journal.jsonl')),
        audit: new AppendLog(join(dir, 'audit.jsonl')),
        snapshot: new Low<MeetingSnapshot | null>(
          new DurableJSONFile(join(dir, 'meeting.json')),
          null,
        ),
        votes: new BallotFiles(dir),
      };
      open.set(meetingId, f);
    }
    return f;
  };

  const projectorFile = (meetingId: string): string => {
    if (!MEETING_ID.test(meetingId)) throw new Error(`Bad meeting id: ${meetingId}`);
    return join(meetingsDir, meetingId, 'projector.json');
  };

  return {
    blobDir,
    async listMeetings() {
      const entries = await readdir(meetingsDir, { withFileTypes: true });
      return entries.filter((e) => e.isDirectory() && MEETING_ID.test(e.name)).map((e) => e.name);
    },
    async loadMeeting(meetingId) {
      const f = files(meetingId);
      await f.snapshot.read();
      const batches = await readLines<Omit<Batch, 'audit'>>(f.journal.file);
      // the audit log can be torn as well: left as is, every entry appended after it is unreadable
      await readLines<AuditEntry>(f.audit.file);
      if (!f.snapshot.data && batches.length === 0) return null;
      return replay(f.snapshot.data, batches);
    },
    async appendBatch(meetingId, batch) {
      const f = files(meetingId);
      const { audit, ...journalled } = batch;
      const writes = [f.journal.append(JSON.stringify(journalled) + '\n')];
      if (audit.length)
        writes.push(f.audit.append(audit.map((a) => JSON.stringify(a) + '\n').join('')));
      await Promise.all(writes);
    },
    async saveSnapshot(meetingId, snapshot) {
      const f = files(meetingId);
      f.snapshot.data = snapshot;
      await f.snapshot.write();
    },
    async readAudit(meetingId) {
      const text = await readFile(join(meetingsDir, meetingId, 'audit.jsonl'), 'utf8').catch(
        () => '',
      );
      return parseLines<AuditEntry>(text).items;
    },
    loadBallots(meetingId) {
      return files(meetingId).votes.load();
    },
    async writeBallots(meetingId, batch) {
      const f = files(meetingId);
      const { audit } = batch;
      const writes = [f.votes.write(batch)];
      if (audit.length)
        writes.push(f.audit.append(audit.map((a) => JSON.stringify(a) + '\n').join('')));
      await Promise.all(writes);
    },
    readProjector(meetingId) {
      return new DurableJSONFile<ProjectorRecord>(projectorFile(meetingId)).read();
    },
    async writeProjector(meetingId, record) {
      const file = projectorFile(meetingId);
      if (record) return writeFileDurable(file, JSON.stringify(record));
      await rm(file, { force: true });
      await fsyncDir(dirname(file));
    },
    async readAccounts() {
      await accounts.read();
      return accounts.data;
    },
    async writeAccounts(data) {
      // no copy: the adapter serialises synchronously, before this call returns
      accounts.data = data;
      await accounts.write();
    },
    async close() {
      for (const f of open.values())
        await Promise.all([f.journal.close(), f.audit.close(), f.votes.close()]);
      open.clear();
    },
  };
}

function replay(snapshot: MeetingSnapshot | null, batches: Omit<Batch, 'audit'>[]): LoadedMeeting {
  // a snapshot saved before a field existed gets it at its empty value
  let state = snapshot ? withDefaults(snapshot.state) : emptyMeeting();
  const commands: CommandRecord[] = [...(snapshot?.commands ?? [])];
  const events: MeetingEvent[] = [];
  for (const batch of batches) {
    for (const e of batch.events) {
      events.push(e);
      if (e.rev > state.rev) state = apply(state, e);
    }
    if (batch.rev > (snapshot?.state.rev ?? 0)) commands.push(...batch.commands);
  }
  return { state, events, commands };
}
