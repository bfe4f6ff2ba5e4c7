// The app's top level: who is signed in, the shared socket, and which screen shows.
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type LoginResult, type User } from '../api/http.ts';
import { ToastProvider } from '../components/Toasts.tsx';
import { DesktopLoginBar } from '../desktop/DesktopLoginBar.tsx';
import { TopBar } from '../components/TopBar.tsx';
import { platform } from '../platform.ts';
import { BuilderScreen } from '../screens/BuilderScreen.tsx';
import { ChangePasswordScreen } from '../screens/ChangePasswordScreen.tsx';
import { LoginScreen } from '../screens/LoginScreen.tsx';
import { MeetingListScreen } from '../screens/MeetingListScreen.tsx';
import { FormAnswerScreen } from '../forms/FormAnswerScreen.tsx';
import { FormCreateScreen } from '../forms/FormCreateScreen.tsx';
import { FormResultsScreen } from '../forms/FormResultsScreen.tsx';
import { FormsScreen } from '../forms/FormsScreen.tsx';
import { MeetingScreen } from '../screens/MeetingScreen.tsx';
import { NewMeetingScreen } from '../screens/NewMeetingScreen.tsx';
import { ProjectorScreen } from '../screens/ProjectorScreen.tsx';
import { UpdateRequiredScreen } from '../screens/UpdateRequiredScreen.tsx';
import { socketTransport, type SocketTransport } from '../sync/socketTransport.ts';
import { pdfWorkerPort } from '../viewer/worker.ts';
import { meetingsWithUnsent, wipeOfflineMeetings } from '../offline/meetingStore.ts';
import { forgetSession, rememberedUser, rememberUser } from '../offline/sessionCache.ts';
import { PackKeeper } from '../cache/PackStatus.tsx';
import { useMeeting } from '../hooks/useMeeting.ts';
import { useRefusalNotice } from '../hooks/useRefusalNotice.ts';
import { HOME_HREF, useRoute } from './route.ts';
import { useSession } from './session.ts';
import { SessionContext } from './session.ts';
import { planSessionEnd, type SessionEnd } from './sessionEnd.ts';
import { SendKept } from './SendKept.tsx';

// the viewer (pdf.js) loads only when a document is opened; its worker starts meanwhile
const DocumentScreen = lazy(() => {
  pdfWorkerPort();
  return import('../viewer/DocumentScreen.tsx').then((m) => ({ default: m.DocumentScreen }));
});

// a form's document opens in the same viewer, loaded the same way
const FormDocumentScreen = lazy(() => {
  pdfWorkerPort();
  return import('../forms/FormDocumentScreen.tsx').then((m) => ({
    default: m.FormDocumentScreen,
  }));
});

type AppState =
  | { kind: 'checking' }
  | { kind: 'signedOut'; notice: string | null }
  | { kind: 'signedIn'; user: User; transport: SocketTransport }
  // on a one-time password: nothing else (not even the socket) until it is changed
  | { kind: 'passwordChange'; user: User }
  | { kind: 'updateRequired' };

function openSession(user: User): AppState {
  rememberUser(user);
  if (user.mustChangePassword) return { kind: 'passwordChange', user };
  const transport = socketTransport({
    origin: platform.socketOrigin,
    getToken: () => platform.getToken(),
  });
  return { kind: 'signedIn', user, transport };
}

/**
 * Forgets this device's session. What it kept for the account (unsent changes, meetings, packs)
 * goes or stays by why the session ended (./sessionEnd.ts); returns the login screen's notice.
 */
function dropSession(reason: SessionEnd, ownLogout = false): string | null {
  const user = rememberedUser();
  const hasUnsent = user !== null && meetingsWithUnsent(user.id).length > 0;
  const plan = planSessionEnd(reason, { ownLogout, hasUnsent });
  // dropped already (a second notice of the same end): nothing more may go
  if (!user && platform.getToken() === null) return plan.notice;
  forgetSession();
  if (user && plan.wipeKept) void wipeOfflineMeetings(user.id);
  // (the desktop app's packs go with the token, in main: clearToken below)
  if (user && plan.wipePacks && !platform.desktop)
    void platform.documents?.wipeAccount(user.id).catch(() => undefined);
  platform.clearToken({ keepPacks: !plan.wipePacks });
  return plan.notice;
}

export function App() {
  const route = useRoute();
  // the room's big screen runs without a session: never opens the signed-in user's socket
  if (route.name === 'projector') {
    return <ProjectorScreen key={route.token} meetingId={route.meetingId} token={route.token} />;
  }
  return <SessionApp />;
}

function SessionApp() {
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
        // no network: open the app offline for whoever was signed in here, from what the device
        // kept (the socket checks the token again as soon as the server can be reached)
        const known = network ? rememberedUser() : null;
        if (known && !known.mustChangePassword) return setState(openSession(known));
        if (err instanceof ApiError && err.code === 'UNAUTHENTICATED')
          return setState({ kind: 'signedOut', notice: dropSession(err.reason) });
        if (!network) platform.clearToken();
        setState({ kind: 'signedOut', notice: network ? 'errors.NETWORK' : null });
      },
    );
    return () => {
      current = false;
    };
  }, [checking]);

  const leave = useCallback((next: AppState) => {
    setState((prev) => {
      if (prev.kind === 'signedIn') prev.transport.close();
      return next;
    });
  }, []);
  // what this device kept for the account goes with the session (a shared computer), unless the
  // session merely expired: then the unsent changes stay, to be sent after signing in again
  const endSession = useCallback(
    (reason: SessionEnd, ownLogout = false) => {
      leave({ kind: 'signedOut', notice: dropSession(reason, ownLogout) });
    },
    [leave],
  );

  const transport = state.kind === 'signedIn' ? state.transport : null;
  useEffect(() => {
    if (!transport) return;
    return transport.subscribe({
      sessionEnded: (reason) => endSession(reason),
      connectError: (error) => {
        if (error.code === 'PROTOCOL_MISMATCH') leave({ kind: 'updateRequired' });
        else if (error.code === 'UNAUTHENTICATED') endSession(error.reason ?? null);
        else if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
          setState((prev) => {
            if (prev.kind !== 'signedIn') return prev;
            prev.transport.close();
            return { kind: 'passwordChange', user: { ...prev.user, mustChangePassword: true } };
          });
        }
      },
    });
  }, [transport, endSession, leave]);

  const onSignedIn = (result: LoginResult): void => {
    platform.setToken(result.token, result.user.id);
    setState(openSession(result.user));
  };

  const sessionEnded = (reason: SessionEnd = null): void => endSession(reason);

  // fetch the user again (mustChangePassword is now false), then go on to the meeting list
  const passwordChanged = async (): Promise<void> => {
    const known = state.kind === 'signedIn' || state.kind === 'passwordChange' ? state.user : null;
    let user: User;
    try {
      user = (await api.me()).user;
    } catch (err) {
      if (!known || (err instanceof ApiError && err.code === 'UNAUTHENTICATED'))
        return sessionEnded(err instanceof ApiError ? err.reason : null);
      user = { ...known, mustChangePassword: false }; // the change is done; only the refresh failed
    }
    // the socket opens only now; a signed-in user keeps theirs (the change keeps this session)
    if (state.kind === 'passwordChange' && platform.getToken()) setState(openSession(user));
    else setState((prev) => (prev.kind === 'signedIn' ? { ...prev, user } : prev));
    window.location.hash = HOME_HREF;
  };

  const logout = (): void => {
    void api.logout().catch(() => undefined);
    endSession(null, true);
    window.location.hash = HOME_HREF;
  };

  return (
    <ToastProvider>
      {state.kind === 'checking' && <Splash />}
      {state.kind === 'signedOut' && <LoginScreen onSignedIn={onSignedIn} notice={state.notice} />}
      {state.kind === 'signedOut' && <DesktopLoginBar />}
      {state.kind === 'updateRequired' && <UpdateRequiredScreen />}
      {state.kind === 'passwordChange' && (
        <ChangePasswordScreen
          forced
          onChanged={passwordChanged}
          onSessionEnded={() => sessionEnded()}
          onLogout={logout}
        />
      )}
      {state.kind === 'signedIn' && (
        <SessionContext.Provider value={state}>
          <SignedIn
            userName={state.user.displayName}
            onLogout={logout}
            onPasswordChanged={passwordChanged}
            onSessionEnded={() => sessionEnded()}
          />
        </SessionContext.Provider>
      )}
    </ToastProvider>
  );
}

interface SignedInProps {
  userName: string;
  onLogout: () => void;
  onPasswordChanged: () => Promise<void>;
  onSessionEnded: () => void;
}

function SignedIn({ userName, onLogout, onPasswordChanged, onSessionEnded }: SignedInProps) {
  const route = useRoute();
  const openMeeting =
    route.name === 'meeting' || route.name === 'document' ? route.meetingId : null;
  return (
    <div className="shell">
      {openMeeting && <KeepPack key={openMeeting} meetingId={openMeeting} />}
      <SendKept open={openMeeting} />
      <TopBar userName={userName} showBack={route.name !== 'meetings'} onLogout={onLogout} />
      {route.name === 'meeting' && (
        <MeetingScreen key={route.meetingId} meetingId={route.meetingId} />
      )}
      {route.name === 'document' && (
        <Suspense fallback={<Splash />}>
          <DocumentScreen
            key={`${route.meetingId}/${route.documentId}`}
            meetingId={route.meetingId}
            documentId={route.documentId}
            page={route.page}
            query={route.query}
          />
        </Suspense>
      )}
      {route.name === 'build' && (
        <BuilderScreen key={route.meetingId} meetingId={route.meetingId} />
      )}
      {route.name === 'newMeeting' && <NewMeetingScreen />}
      {route.name === 'meetings' && <MeetingListScreen />}
      {route.name === 'forms' && <FormsScreen />}
      {route.name === 'formNew' && <FormCreateScreen />}
      {route.name === 'form' && <FormAnswerScreen key={route.formId} formId={route.formId} />}
      {route.name === 'formDocument' && (
        <Suspense fallback={<Splash />}>
          <FormDocumentScreen
            key={`${route.formId}/${route.sha256}`}
            formId={route.formId}
            sha256={route.sha256}
            page={route.page}
          />
        </Suspense>
      )}
      {route.name === 'formResults' && (
        <FormResultsScreen key={route.formId} formId={route.formId} />
      )}
      {route.name === 'password' && (
        <ChangePasswordScreen
          forced={false}
          onChanged={onPasswordChanged}
          onSessionEnded={onSessionEnded}
          onLogout={onLogout}
        />
      )}
    </div>
  );
}

/** The open meeting's pack keeps downloading whichever of its screens is shown. */
function KeepPack({ meetingId }: { meetingId: string }) {
  const { user } = useSession();
  const { meeting, status, rejected, current } = useMeeting(meetingId);
  // a change made offline that the server refused once it was sent: say which, once each
  const refused = useRefusalNotice();
  const told = useRef(0);
  useEffect(() => {
    for (const r of rejected.slice(told.current))
      refused(r.command, r.error, { now: current(), known: r.known ?? null });
    told.current = rejected.length;
  }, [rejected, refused, current]);
  if (!meeting) return null;
  return <PackKeeper meeting={meeting} userId={user.id} online={status === 'live'} />;
}

function Splash() {
  const { t } = useTranslation();
  return <div className="splash">{t('common.loading')}</div>;
}
