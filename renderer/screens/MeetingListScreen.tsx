// "My meetings": title, time, place, status and my role; a click opens the meeting.
import { useTranslation } from 'react-i18next';
import { meetingHref, NEW_MEETING_HREF } from '../app/route.ts';
import { StatusBadge } from '../components/Badges.tsx';
import { currentLanguage } from '../i18n/index.ts';
import { formatDateTime } from '../format.ts';
import { useMeetings } from '../hooks/useMeetings.ts';
import { FormsEntry } from '../forms/FormsEntry.tsx';
import { useSession } from '../app/session.ts';
import { useListPublishing } from '../publish/useListPublishing.ts';

export function MeetingListScreen() {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  const { state, reload } = useMeetings();
  const { transport, user } = useSession();
  useListPublishing(state.status === 'ready' ? state.meetings : null, transport, user.id);
  const organiser = user.globalRole === 'admin' || user.globalRole === 'secretary';
  return (
    <main className="page">
      <div className="page-head">
        <h1>{t('meetings.title')}</h1>
        {organiser && (
          <a className="button-link primary" href={NEW_MEETING_HREF} data-testid="new-meeting-link">
            {t('builder.newMeeting')}
          </a>
        )}
      </div>
      <FormsEntry />
      {state.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {state.status === 'error' && (
        <div className="error-box" role="alert">
          <p>
            {t('meetings.loadFailed')} {t(`errors.${state.error.code}`)}
          </p>
          <button type="button" onClick={reload}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {state.status === 'ready' && state.meetings.length === 0 && (
        <p className="muted">{t('meetings.empty')}</p>
      )}
      {state.status === 'ready' && state.meetings.length > 0 && (
        <ul className="meeting-list">
          {[...state.meetings]
            .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
            .map((m) => (
              <li key={m.id}>
                <a
                  className="meeting-card"
                  href={meetingHref(m.id)}
                  data-testid="meeting-card"
                  data-meeting-id={m.id}
                >
                  <div className="meeting-card-head">
                    <span className="meeting-card-title">{m.title}</span>
                    <StatusBadge status={m.status} />
                    {m.publishedAt === null && (
                      <span className="badge draft" data-testid="draft-badge">
                        {t('builder.publish.draft')}
                      </span>
                    )}
                  </div>
                  <dl className="facts">
                    <div>
                      <dt>{t('meetings.time')}</dt>
                      <dd>{formatDateTime(m.startsAt, lang)}</dd>
                    </div>
                    <div>
                      <dt>{t('meetings.place')}</dt>
                      <dd>{m.location || '—'}</dd>
                    </div>
                    <div>
                      <dt>{t('meetings.role')}</dt>
                      <dd>{t(`role.${m.role}`)}</dd>
                    </div>
                  </dl>
                </a>
              </li>
            ))}
        </ul>
      )}
    </main>
  );
}
