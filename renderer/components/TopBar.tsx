// The bar on every signed-in screen: brand, way back, who is signed in, language, password, log out.
import { useTranslation } from 'react-i18next';
import { HOME_HREF, PASSWORD_HREF } from '../app/route.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

interface Props {
  userName: string;
  showBack: boolean;
  onLogout: () => void;
}

export function TopBar({ userName, showBack, onLogout }: Props) {
  const { t } = useTranslation();
  return (
    <header className="topbar">
      <a className="brand" href={HOME_HREF}>
        <span className="brand-mark" aria-hidden="true">
          eC
        </span>
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </a>
      {showBack && (
        <a className="back-link" href={HOME_HREF} data-testid="back-to-list">
          ‹ {t('common.back')}
        </a>
      )}
      <div className="topbar-end">
        <span className="user-name" data-testid="user-name">
          {userName}
        </span>
        <LanguageSwitch />
        <a className="topbar-link" href={PASSWORD_HREF} data-testid="change-password">
          {t('password.title')}
        </a>
        <button type="button" className="ghost" onClick={onLogout} data-testid="logout">
          {t('common.logout')}
        </button>
      </div>
    </header>
  );
}
