// Under the login screen, in the desktop app only: which server, a way to change it, and a word
// when the device cannot keep the session safely (no OS key store).
import { useTranslation } from 'react-i18next';
import { platform } from '../platform.ts';
import { setChoosingServer } from './serverChoice.ts';

export function DesktopLoginBar() {
  const { t } = useTranslation();
  const desktop = platform.desktop;
  if (!desktop?.serverOrigin) return null;
  return (
    <div className="desktop-login-bar" data-testid="desktop-login-bar">
      {!desktop.secureStorage && (
        <p className="notice" role="note" data-testid="insecure-storage">
          {t('desktop.insecureStorage')}
        </p>
      )}
      <p>
        <span>{t('desktop.server', { origin: desktop.serverOrigin })}</span>{' '}
        <button type="button" className="ghost" onClick={() => setChoosingServer(true)}>
          {t('desktop.changeServer')}
        </button>
      </p>
    </div>
  );
}
