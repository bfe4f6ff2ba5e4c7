// The signed-in user's meeting list, fetched again whenever the server says it changed.
import { useEffect, useState } from 'react';
import type { MeetingSummary } from '../../core/index.ts';
import { api, ApiError } from '../api/http.ts';
import { useSession } from '../app/session.ts';
import { rememberedMeetings, rememberMeetings } from '../offline/sessionCache.ts';

export type MeetingsState =
  | { status: 'loading' }
  /** `offline`: the list kept on this device, shown while the server cannot be reached. */
  | { status: 'ready'; meetings: MeetingSummary[]; offline?: boolean }
  | { status: 'error'; error: ApiError };

export function useMeetings(): { state: MeetingsState; reload: () => void } {
  const { transport, user } = useSession();
  const [state, setState] = useState<MeetingsState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    api.meetings().then(
      (res) => {
        if (!current) return;
        rememberMeetings(user.id, res.meetings);
        setState({ status: 'ready', meetings: res.meetings });
      },
      (err: unknown) => {
        if (!current) return;
        const kept = rememberedMeetings(user.id);
        if (kept && err instanceof ApiError && err.code === 'NETWORK')
          return setState({ status: 'ready', meetings: kept, offline: true });
        const error =
          err instanceof ApiError ? err : new ApiError('INTERNAL', String(err), 0, null);
        setState({ status: 'error', error });
      },
    );
    return () => {
      current = false;
    };
  }, [generation, user.id]);

  useEffect(() => {
    const reload = (): void => setGeneration((g) => g + 1);
    return transport.subscribe({ meetingsChanged: reload, connect: reload });
  }, [transport]);

  return { state, reload: () => setGeneration((g) => g + 1) };
}
