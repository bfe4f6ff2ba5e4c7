// Keeps the open meeting's pack on the device: downloads what is missing when the meeting opens,
// when its documents change and when the connection comes back. One keeper runs per open meeting
// (on the meeting screen and while reading its documents); screens read its progress.
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { MeetingState } from '../../core/index.ts';
import { api } from '../api/http.ts';
import { platform } from '../platform.ts';
import { downloadDocument } from './download.ts';
import { syncPack, type PackProgress } from './packSync.ts';

export interface PackView {
  progress: PackProgress | null;
  lockAfterDays: number | null;
}

export function useMeetingPack(meeting: MeetingState, userId: string, online: boolean): PackView {
  const cache = platform.documents;
  const [view, setView] = useState<PackView>({ progress: null, lockAfterDays: null });
  const documents = useMemo(
    () => Object.values(meeting.documents).map((d) => ({ sha256: d.sha256, size: d.size })),
    [meeting.documents],
  );
  // a new list only when the set of files changes, not on every meeting event
  const key = documents
    .map((d) => d.sha256)
    .sort()
    .join(',');
  const closed = meeting.status === 'closed';
  const meetingId = meeting.id;

  useEffect(() => {
    if (!cache || !online) return;
    const stop = new AbortController();
    // an authenticated request through main first: it is what tells main the device reached the
    // server (the live socket goes straight to the server), so an offline lock opens again
    void api
      .me()
      .catch(() => undefined)
      .then(() =>
        syncPack({
          cache,
          pack: { account: userId, meetingId },
          closed,
          documents,
          download: (sha, signal) => downloadDocument(meetingId, sha, signal),
          onProgress: (progress) => {
            if (!stop.signal.aborted) setView((v) => ({ ...v, progress }));
          },
          signal: stop.signal,
        }),
      )
      .then(async (progress) => {
        if (!progress.locked || stop.signal.aborted) return;
        const status = await platform.desktop?.api.cache.status();
        if (status?.ok && !stop.signal.aborted)
          setView((v) => ({ ...v, lockAfterDays: status.value.lockAfterDays }));
      })
      .catch(() => undefined); // the next reconnect tries again
    return () => stop.abort();
    // `key` stands for `documents`
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cache, key, closed, meetingId, userId, online]);

  return view;
}

// ------------------------------------------------------------------------------ progress store

const progressByMeeting = new Map<string, PackView>();
const listeners = new Set<() => void>();
const EMPTY: PackView = { progress: null, lockAfterDays: null };

function publish(meetingId: string, view: PackView): void {
  progressByMeeting.set(meetingId, view);
  for (const l of [...listeners]) l();
}

/** Runs the pack download for this meeting and publishes its progress (see usePackView). */
export function useKeepPack(meeting: MeetingState, userId: string, online: boolean): void {
  const view = useMeetingPack(meeting, userId, online);
  useEffect(() => publish(meeting.id, view), [meeting.id, view]);
}

/** The progress of the meeting's pack download, as the keeper last published it. */
export function usePackView(meetingId: string): PackView {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => progressByMeeting.get(meetingId) ?? EMPTY,
  );
}
