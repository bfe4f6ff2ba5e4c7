// What the viewer shows instead of pages: loading, a password prompt, or why it cannot open.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocState } from './useDocument.ts';

export function ViewerMessage({
  state,
  retry,
}: {
  state: Exclude<DocState, { kind: 'ready' }>;
  retry: () => void;
}) {
  const { t } = useTranslation();
  if (state.kind === 'loading') {
    return (
      <div className="viewer-message" data-testid="viewer-loading" role="status">
        <div className="viewer-spinner" aria-hidden="true" />
        <p>
          {state.percent === null
            ? t('viewer.loading')
            : t('viewer.loadingPercent', { percent: state.percent })}
        </p>
        {state.slow && (
          <p className="muted">
            {t('viewer.slow')}{' '}
            <button type="button" onClick={retry}>
              {t('common.retry')}
            </button>
          </p>
        )}
      </div>
    );
  }
  if (state.kind === 'password')
    return <PasswordPrompt wrong={state.wrong} submit={state.submit} />;
  return (
    <div
      className="viewer-message error-box"
      role="alert"
      data-testid="viewer-error"
      data-failure={state.failure}
    >
      <h2>{t('viewer.failedTitle')}</h2>
      <p>{t(`viewer.failure.${state.failure}`)}</p>
      <p className="muted viewer-detail">{state.detail}</p>
      <button type="button" onClick={retry}>
        {t('common.retry')}
      </button>
    </div>
  );
}

function PasswordPrompt({ wrong, submit }: { wrong: boolean; submit: (pw: string) => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  return (
    <form
      className="viewer-message"
      role="alert"
      data-testid="viewer-password"
      onSubmit={(e) => {
        e.preventDefault();
        if (password) submit(password);
      }}
    >
      <h2>{t('viewer.passwordTitle')}</h2>
      <p>{t('viewer.passwordBody')}</p>
      {wrong && <p className="form-error">{t('viewer.passwordWrong')}</p>}
      <input
        type="password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        aria-label={t('login.password')}
        autoComplete="off"
        autoFocus
      />
      <button type="submit" className="primary">
        {t('viewer.open')}
      </button>
    </form>
  );
}
