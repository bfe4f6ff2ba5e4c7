// The signed-in user's opinion forms, fetched again when the server says they changed and every
// minute (a reminder starts when the deadline comes near, without any change to push).
import { useEffect, useState } from 'react';
import type { FormSummary } from '../../core/index.ts';
import { ApiError } from '../api/http.ts';
import { useSession } from '../app/session.ts';
import { formsApi } from './formsApi.ts';

export type FormsState =
  | { status: 'loading' }
  | { status: 'ready'; forms: FormSummary[]; clockOffsetMs: number }
  | { status: 'error'; error: ApiError };

const REFRESH_MS = 60_000;

export function useForms(): { state: FormsState; reload: () => void } {
  const { transport } = useSession();
  const [state, setState] = useState<FormsState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    formsApi.list().then(
      (res) => {
        if (!current) return;
        // deadlines are the server's: count the time left with its clock, not this device's
        const clockOffsetMs = Date.parse(res.now) - Date.now();
        setState({ status: 'ready', forms: res.forms, clockOffsetMs });
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
    const timer = setInterval(reload, REFRESH_MS);
    const stop = transport.subscribe({ formsChanged: reload, connect: reload });
    return () => {
      clearInterval(timer);
      stop();
    };
  }, [transport]);

  return { state, reload: () => setGeneration((g) => g + 1) };
}
