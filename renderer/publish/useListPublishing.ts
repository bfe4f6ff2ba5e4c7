// The meeting list's side of publishing: a notice when a newly published meeting appears, and, in
// the desktop app, its pack starts downloading in the background before the meeting is opened
// (the pack of a meeting already listed downloads when it is opened, see cache/usePack.ts).
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { JoinAck, MeetingState, MeetingSummary } from '../../core/index.ts';
import { api } from '../api/http.ts';
import { downloadDocument } from '../cache/download.ts';
import { syncPack } from '../cache/packSync.ts';
import { useNotice } from '../components/Toasts.tsx';
import { platform } from '../platform.ts';
import type { Transport } from '../sync/transport.ts';

/** Packs already brought up to date in this session: meetingId -> the files' key. */
const synced = new Map<string, string>();

function snapshotOf(transport: Transport, meetingId: string): Promise<MeetingState | null> {
  return new Promise((resolve) => {
    if (!transport.isConnected()) return resolve(null);
    transport.join({ meetingId, sinceRev: null }, (res: JoinAck) => {
      // only the documents were wanted: leave at once, the meeting screen joins for itself
      transport.leave(meetingId);
      resolve(res.ok && res.mode === 'snapshot' ? res.snapshot : null);
    });
  });
}

async function prefetch(
  transport: Transport,
  userId: string,
  meetings: MeetingSummary[],
  signal: AbortSignal,
  done: (meetingId: string) => void,
): Promise<void> {
  const cache = platform.documents;
  if (!cache) return;
  await api.me().catch(() => undefined); // tells main the server is reachable (see usePack.ts)
  for (const m of meetings) {
    if (signal.aborted) return;
    const state = await snapshotOf(transport, m.id);
    if (!state || signal.aborted) continue;
    const documents = Object.values(state.documents).map((d) => ({
      sha256: d.sha256,
      size: d.size,
    }));
    const key = documents
      .map((d) => d.sha256)
      .sort()
      .join(',');
    if (synced.get(m.id) === key) {
      done(m.id);
      continue;
    }
    const progress = await syncPack({
      cache,
      pack: { account: userId, meetingId: m.id },
      closed: false,
      documents,
      download: (sha, s) => downloadDocument(m.id, sha, s),
      signal,
    }).catch(() => null);
    if (progress && progress.failed === 0 && !progress.locked && !signal.aborted) {
      synced.set(m.id, key);
      done(m.id);
    }
  }
}

const SEEN_KEY = 'ecab.publishedSeen';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The published meetings this person's list has shown on this device (null: never listed). */
function loadSeen(userId: string): Set<string> | null {
  try {
    const raw = storage()?.getItem(`${SEEN_KEY}.${userId}`);
    return raw ? new Set(JSON.parse(raw) as string[]) : null;
  } catch {
    return null;
  }
}

function saveSeen(userId: string, ids: string[]): void {
  storage()?.setItem(`${SEEN_KEY}.${userId}`, JSON.stringify(ids));
}

export function useListPublishing(
  meetings: MeetingSummary[] | null,
  transport: Transport,
  userId: string,
): void {
  const { t } = useTranslation();
  const notice = useNotice();
  const seen = useRef<Set<string> | null | undefined>(undefined);
  /** New meetings whose pack has not come down yet (a reload of the list must not drop them). */
  const pending = useRef(new Set<string>());

  useEffect(() => {
    if (!meetings) return;
    // remembered across restarts, so a meeting published while the app was closed is new too;
    // the first list on a device has nothing new
    if (seen.current === undefined) seen.current = loadSeen(userId);
    const published = meetings.filter((m) => m.publishedAt !== null);
    const fresh = seen.current ? published.filter((m) => !seen.current!.has(m.id)) : [];
    for (const m of fresh) notice(t('builder.publish.newMeeting', { title: m.title }));
    seen.current = new Set(published.map((m) => m.id));
    saveSeen(userId, [...seen.current]);

    // the new ones' packs start downloading now (desktop app), before they are opened
    for (const m of fresh) pending.current.add(m.id);
    const open = published.filter((m) => pending.current.has(m.id) && m.status !== 'closed');
    if (!platform.documents || open.length === 0) return;
    const stop = new AbortController();
    void prefetch(transport, userId, open, stop.signal, (id) => pending.current.delete(id));
    return () => stop.abort();
  }, [meetings, transport, userId, notice, t]);
}
