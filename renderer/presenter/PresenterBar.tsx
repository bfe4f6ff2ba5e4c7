// The presenter bar: who presents what, and follow / back to the presenter / stop following; for
// the chair, "present this document"; for the presenter, "stop presenting".
import { useTranslation } from 'react-i18next';
import type { ClientCommand, CommandAck, MeetingState } from '../../core/index.ts';
import type { Presenting } from './usePresenter.ts';

interface Props {
  meeting: MeetingState;
  presenting: Presenting;
  send: (command: ClientCommand) => Promise<CommandAck>;
  /** On the document screen: the document and page shown, which the chair may present. */
  shown?: { documentId: string; page: number };
}

export function PresenterBar({ meeting, presenting: p, send, shown }: Props) {
  const { t } = useTranslation();
  const stop = (): void => void send({ type: 'presentation.stop', payload: {} });
  if (!meeting.presentation || !p.position) {
    if (!shown || !p.canPresent || meeting.status === 'closed') return null;
    return (
      <div className="presenter-bar" data-testid="presenter-bar">
        <button
          type="button"
          data-testid="present-start"
          onClick={() =>
            void send({
              type: 'presentation.start',
              payload: { documentId: shown.documentId, page: shown.page },
            })
          }
        >
          {t('presenter.start')}
        </button>
      </div>
    );
  }
  const doc = meeting.documents[p.position.documentId];
  const where = t('presenter.where', { name: doc?.name ?? '', page: p.position.page });
  if (p.isPresenter) {
    return (
      <div className="presenter-bar presenting" data-testid="presenter-bar" role="status">
        <span>{t('presenter.youPresent', { where })}</span>
        <button type="button" data-testid="present-stop" onClick={stop}>
          {t('presenter.stop')}
        </button>
      </div>
    );
  }
  return (
    <div
      className={`presenter-bar${p.following ? ' following' : ''}`}
      data-testid="presenter-bar"
      data-following={p.following}
      role="status"
    >
      <span>
        {p.following
          ? t('presenter.following', { name: p.presenterName, where })
          : t('presenter.presenting', { name: p.presenterName, where })}
      </span>
      {p.following ? (
        <button type="button" data-testid="presenter-unfollow" onClick={p.unfollow}>
          {t('presenter.unfollow')}
        </button>
      ) : (
        <button type="button" data-testid="presenter-follow" onClick={p.follow}>
          {p.followed ? t('presenter.back') : t('presenter.follow')}
        </button>
      )}
      {p.canPresent && (
        <button type="button" data-testid="present-stop" onClick={stop}>
          {t('presenter.stop')}
        </button>
      )}
    </div>
  );
}
