// The server speaks a newer protocol than this app: ask for an update instead of failing oddly.
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';

export function UpdateRequiredScreen() {
  const { t } = useTranslation();
  return (
    <div className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <div className="login-card" data-testid="update-required">
        <h1>{t('update.title')}</h1>
        <p>{t('update.body')}</p>
        <button type="button" className="primary block" onClick={() => window.location.reload()}>
          {t('update.reload')}
        </button>
      </div>
    </div>
  );
}
