// The meeting list's side of publishing: a notice when a newly published meeting appears, and, in
// the desktop app, its pack starts downloading in the background before the meeting is opened.
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
    if (synced.get(m.id) === key) continue;
    const progress = await syncPack({
      cache,
      pack: { account: userId, meetingId: m.id },
      closed: false,
      documents,
      download: (sha, s) => downloadDocument(m.id, sha, s),
      signal,
    }).catch(() => null);
    if (progress && progress.failed === 0 && !progress.locked) synced.set(m.id, key);
  }
}

export function useListPublishing(
  meetings: MeetingSummary[] | null,
  transport: Transport,
  userId: string,
): void {
  const { t } = useTranslation();
  const notice = useNotice();
  const seen = useRef<Set<string> | null>(null);

  useEffect(() => {
    if (!meetings) return;
    const published = meetings.filter((m) => m.publishedAt !== null);
    if (seen.current !== null) {
      for (const m of published)
        if (!seen.current.has(m.id)) notice(t('builder.publish.newMeeting', { title: m.title }));
    }
    seen.current = new Set(published.map((m) => m.id));

    const open = published.filter((m) => m.status !== 'closed');
    if (!platform.documents || open.length === 0) return;
    const stop = new AbortController();
    void prefetch(transport, userId, open, stop.signal);
    return () => stop.abort();
  }, [meetings, transport, userId, notice, t]);
}
