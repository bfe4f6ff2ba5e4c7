// Change password: forced after a login with a one-time password, and open to anyone from the top bar.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/http.ts';
import { HOME_HREF } from '../app/route.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { checkNewPassword, type PasswordProblem } from './newPassword.ts';

interface Props {
  /** The user is on a one-time password and may do nothing else until it is changed. */
  forced: boolean;
  /** Called after the server accepted the new password. */
  onChanged: () => Promise<void>;
  /** The session ended meanwhile. */
  onSessionEnded: () => void;
  onLogout: () => void;
}

export function ChangePasswordScreen({ forced, onChanged, onSessionEnded, onLogout }: Props) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<PasswordProblem | null>(null);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const local = checkNewPassword(current, next, repeat);
    setProblem(local);
    if (local) return;
    setBusy(true);
    try {
      await api.changePassword(current, next);
      await onChanged();
    } catch (err) {
      const code = err instanceof ApiError ? err.code : 'INTERNAL';
      if (code === 'UNAUTHENTICATED') return onSessionEnded();
      // the only FORBIDDEN answer of /api/password: the current password is wrong
      setProblem(code === 'FORBIDDEN' ? { kind: 'wrongCurrent' } : { kind: 'other', code });
      setBusy(false);
    }
  };

  const field = (
    name: string,
    label: string,
    value: string,
    set: (v: string) => void,
    autoComplete: string,
  ) => (
    <label>
      <span>{label}</span>
      <input
        name={name}
        type="password"
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => set(e.target.value)}
      />
    </label>
  );

  const form = (
    <form
      className="login-card"
      onSubmit={(e) => void submit(e)}
      data-testid="password-form"
      aria-labelledby="password-heading"
    >
      <h1 id="password-heading">{t('password.title')}</h1>
      {forced && <p className="notice">{t('password.required')}</p>}
      {field('current', t('password.current'), current, setCurrent, 'current-password')}
      {field('new', t('password.new'), next, setNext, 'new-password')}
      {field('repeat', t('password.repeat'), repeat, setRepeat, 'new-password')}
      <p className="muted hint">{t('password.hint')}</p>
      {problem && (
        <p
          className="form-error"
          role="alert"
          data-testid="password-error"
          data-kind={problem.kind}
        >
          {problem.kind === 'other'
            ? `${t('password.failed')} ${t(`errors.${problem.code}`, { defaultValue: '' })}`
            : t(`password.${problem.kind}`)}
        </p>
      )}
      <button
        type="submit"
        className="primary block"
        disabled={busy || !current || !next || !repeat}
      >
        {busy ? t('password.submitting') : t('password.submit')}
      </button>
      {forced ? (
        <button type="button" className="block" onClick={onLogout} data-testid="password-logout">
          {t('common.logout')}
        </button>
      ) : (
        <a className="cancel-link" href={HOME_HREF}>
          {t('common.cancel')}
        </a>
      )}
    </form>
  );

  if (!forced) return <main className="page password-page">{form}</main>;
  return (
    <div className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      {form}
    </div>
  );
}
