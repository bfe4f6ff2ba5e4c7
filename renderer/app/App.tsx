// The app's top level: who is signed in, the shared socket, and which screen shows.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type LoginResult, type User } from '../api/http.ts';
import { ToastProvider } from '../components/Toasts.tsx';
import { TopBar } from '../components/TopBar.tsx';
import { platform } from '../platform.ts';
import { LoginScreen } from '../screens/LoginScreen.tsx';
import { MeetingListScreen } from '../screens/MeetingListScreen.tsx';
import { MeetingScreen } from '../screens/MeetingScreen.tsx';
import { UpdateRequiredScreen } from '../screens/UpdateRequiredScreen.tsx';
import { socketTransport, type SocketTransport } from '../sync/socketTransport.ts';
import { HOME_HREF, useRoute } from './route.ts';
import { SessionContext } from './session.ts';

type AppState =
  | { kind: 'checking' }
  | { kind: 'signedOut'; notice: string | null }
  | { kind: 'signedIn'; user: User; transport: SocketTransport }
  | { kind: 'updateRequired' };

function openSession(user: User): AppState {
  const transport = socketTransport({
    origin: platform.serverOrigin,
    getToken: () => platform.getToken(),
  });
  return { kind: 'signedIn', user, transport };
}

export function App() {
  const [state, setState] = useState<AppState>(() =>
    platform.getToken() ? { kind: 'checking' } : { kind: 'signedOut', notice: null },
  );
  const checking = state.kind === 'checking';

  // a token from an earlier visit: find out whether it still works
  useEffect(() => {
    if (!checking) return;
    let current = true;
    api.me().then(
      ({ user }) => {
        if (current) setState(openSession(user));
      },
      (err: unknown) => {
        if (!current) return;
        const network = err instanceof ApiError && err.code === 'NETWORK';
        if (!network) platform.clearToken();
        setState({ kind: 'signedOut', notice: network ? 'errors.NETWORK' : null });
      },
    );
    return () => {
      current = false;
    };
  }, [checking]);

  const endSession = useCallback((next: AppState) => {
    setState((prev) => {
      if (prev.kind === 'signedIn') prev.transport.close();
      return next;
    });
    if (next.kind === 'signedOut') platform.clearToken();
  }, []);

  const transport = state.kind === 'signedIn' ? state.transport : null;
  useEffect(() => {
    if (!transport) return;
    const ended = (): void => endSession({ kind: 'signedOut', notice: 'login.sessionEnded' });
    return transport.subscribe({
      sessionEnded: ended,
      connectError: (error) => {
        if (error.code === 'PROTOCOL_MISMATCH') endSession({ kind: 'updateRequired' });
        else if (error.code === 'UNAUTHENTICATED') ended();
      },
    });
  }, [transport, endSession]);

  const onSignedIn = (result: LoginResult): void => {
    platform.setToken(result.token);
    setState(openSession(result.user));
  };

  const logout = (): void => {
    void api.logout().catch(() => undefined);
    endSession({ kind: 'signedOut', notice: null });
    window.location.hash = HOME_HREF;
  };

  return (
    <ToastProvider>
      {state.kind === 'checking' && <Splash />}
      {state.kind === 'signedOut' && <LoginScreen onSignedIn={onSignedIn} notice={state.notice} />}
      {state.kind === 'updateRequired' && <UpdateRequiredScreen />}
      {state.kind === 'signedIn' && (
        <SessionContext.Provider value={state}>
          <SignedIn userName={state.user.displayName} onLogout={logout} />
        </SessionContext.Provider>
      )}
    </ToastProvider>
  );
}

function SignedIn({ userName, onLogout }: { userName: string; onLogout: () => void }) {
  const route = useRoute();
  return (
    <div className="shell">
      <TopBar userName={userName} showBack={route.name === 'meeting'} onLogout={onLogout} />
      {route.name === 'meeting' ? (
        <MeetingScreen key={route.meetingId} meetingId={route.meetingId} />
      ) : (
        <MeetingListScreen />
      )}
    </div>
  );
}

function Splash() {
  const { t } = useTranslation();
  return <div className="splash">{t('common.loading')}</div>;
}
