// Sign-in. Errors are shown by code: wrong credentials, too many attempts (with a countdown).
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type LoginResult } from '../api/http.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';

type LoginError =
  | { kind: 'none' }
  | { kind: 'credentials' }
  | { kind: 'rateLimited'; seconds: number }
  | { kind: 'other'; code: string; message: string };

interface Props {
  onSignedIn: (result: LoginResult) => void;
  /** An i18n key explaining why the user is here (e.g. the session ended). */
  notice: string | null;
}

export function LoginScreen({ onSignedIn, notice }: Props) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LoginError>({ kind: 'none' });
  const waitSeconds = error.kind === 'rateLimited' ? error.seconds : 0;

  // count the wait down; at zero the message goes and the button comes back
  useEffect(() => {
    if (error.kind !== 'rateLimited') return;
    const timer = setInterval(() => {
      setError((e) =>
        e.kind === 'rateLimited' && e.seconds > 1
          ? { ...e, seconds: e.seconds - 1 }
          : { kind: 'none' },
      );
    }, 1000);
    return () => clearInterval(timer);
  }, [error.kind]);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError({ kind: 'none' });
    try {
      onSignedIn(await api.login(username.trim(), password));
    } catch (err) {
      setError(toLoginError(err));
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <form className="login-card" onSubmit={(e) => void submit(e)} data-testid="login-form">
        <div className="brand large">
          <span className="brand-mark" aria-hidden="true">
            eC
          </span>
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <h1>{t('login.title')}</h1>
        {notice && error.kind === 'none' && <p className="notice">{t(notice)}</p>}
        <label>
          <span>{t('login.username')}</span>
          <input
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          <span>{t('login.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error.kind !== 'none' && (
          <p className="form-error" role="alert" data-testid="login-error">
            {error.kind === 'credentials' && t('login.badCredentials')}
            {error.kind === 'rateLimited' && t('login.rateLimited', { seconds: waitSeconds })}
            {error.kind === 'other' &&
              (error.code === 'NETWORK'
                ? t('login.network')
                : `${t('login.failed')} ${t(`errors.${error.code}`, { defaultValue: '' })}`)}
          </p>
        )}
        <button type="submit" className="primary block" disabled={busy || waitSeconds > 0}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}

function toLoginError(err: unknown): LoginError {
  if (!(err instanceof ApiError)) return { kind: 'other', code: 'INTERNAL', message: String(err) };
  if (err.code === 'UNAUTHENTICATED') return { kind: 'credentials' };
  if (err.code === 'RATE_LIMITED') return { kind: 'rateLimited', seconds: err.retryAfter ?? 30 };
  return { kind: 'other', code: err.code, message: err.message };
}
