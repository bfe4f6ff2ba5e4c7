// The desktop app's first-run screen (and "change server"): which eCabinet server to use. Main
// checks the address (GET /api/info, same protocol version) and remembers it; the app then
// reloads, so that the page's Content-Security-Policy names the new server.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DesktopApi, ServerProblem } from '../../core/desktop.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';

interface Props {
  api: DesktopApi;
  current: string | null;
  /** Back to the login screen; absent on the first run. */
  onCancel?: () => void;
}

type Failure = { problem: ServerProblem | 'INTERNAL'; detail: string } | null;

export function ServerScreen({ api, current, onCancel }: Props) {
  const { t } = useTranslation();
  const [address, setAddress] = useState(current ?? '');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure>(null);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    const result = await api.server.set(address);
    if (!result.ok) {
      setFailure({ problem: 'INTERNAL', detail: result.error.message });
    } else if (!result.value.ok) {
      setFailure({ problem: result.value.problem, detail: result.value.detail });
    } else {
      window.location.reload();
      return;
    }
    setBusy(false);
  };

  return (
    <div className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <form className="login-card" onSubmit={(e) => void submit(e)} data-testid="server-form">
        <div className="brand large">
          <span className="brand-mark" aria-hidden="true">
            eC
          </span>
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <h1>{t('desktop.serverTitle')}</h1>
        <p>{t('desktop.serverIntro')}</p>
        {current && <p className="notice">{t('desktop.switchWarning')}</p>}
        <label>
          <span>{t('desktop.serverAddress')}</span>
          <input
            name="server"
            inputMode="url"
            autoCapitalize="none"
            autoComplete="url"
            spellCheck={false}
            placeholder="https://192.168.1.20:8443"
            required
            value={address}
            onChange={(e) => setAddress(e.target.value)}
          />
        </label>
        {failure && (
          <p className="form-error" role="alert" data-testid="server-error">
            {failure.problem === 'INTERNAL'
              ? t('errors.INTERNAL')
              : t(`desktop.problem.${failure.problem}`)}{' '}
            <span className="muted">{failure.detail}</span>
          </p>
        )}
        <button type="submit" className="primary block" disabled={busy}>
          {busy ? t('desktop.connecting') : t('desktop.connect')}
        </button>
        {onCancel && (
          <button type="button" className="block" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </form>
    </div>
  );
}
