// Vietnamese / English, on every screen.
import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES, setLanguage } from '../i18n/index.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = currentLanguage(i18n.language);
  return (
    <div
      className="lang-switch"
      role="group"
      aria-label={t('common.language')}
      data-testid="language-switch"
    >
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          data-lang={lng}
          aria-pressed={lng === active}
          title={t(`lang.${lng}`)}
          onClick={() => void setLanguage(lng)}
        >
          {lng.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
