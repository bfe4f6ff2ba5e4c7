// The signed-in user's meeting list, fetched again whenever the server says it changed.
import { useEffect, useState } from 'react';
import type { MeetingSummary } from '../../core/index.ts';
import { api, ApiError } from '../api/http.ts';
import { useSession } from '../app/session.ts';

export type MeetingsState =
  | { status: 'loading' }
  | { status: 'ready'; meetings: MeetingSummary[] }
  | { status: 'error'; error: ApiError };

export function useMeetings(): { state: MeetingsState; reload: () => void } {
  const { transport } = useSession();
  const [state, setState] = useState<MeetingsState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    api.meetings().then(
      (res) => {
        if (current) setState({ status: 'ready', meetings: res.meetings });
      },
      (err: unknown) => {
        if (!current) return;
        const error =
          err instanceof ApiError ? err : new ApiError('INTERNAL', String(err), 0, null);
        setState({ status: 'error', error });
      },
    );
    return () => {
      current = false;
    };
  }, [generation]);

  useEffect(() => {
    const reload = (): void => setGeneration((g) => g + 1);
    return transport.subscribe({ meetingsChanged: reload, connect: reload });
  }, [transport]);

  return { state, reload: () => setGeneration((g) => g + 1) };
}
