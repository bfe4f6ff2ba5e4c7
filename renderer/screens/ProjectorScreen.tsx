// The room's big screen: read-only, no login (a projector token), readable from the back row.
// The current item, who has the floor and their timer, the vote in progress and its result.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { flattenAgenda, type AppError, type MeetingState, type Vote } from '../../core/index.ts';
import { ConnectionPill } from '../components/Badges.tsx';
import { ResultChart, VoteResultView } from '../components/ResultChart.tsx';
import { SpeakerTimer } from '../components/SpeakerTimer.tsx';
import { formatNumber } from '../format.ts';
import { useMeetingOn } from '../hooks/useMeeting.ts';
import { useVoteFeed } from '../hooks/useVoteFeed.ts';
import { currentLanguage, LOCALES } from '../i18n/index.ts';
import { holdProjector, projectorTransport } from '../sync/projectorConnection.ts';
import type { VoteLive } from '../sync/voteFeed.ts';
import { projectedVote } from '../voteView.ts';

export function ProjectorScreen({ meetingId, token }: { meetingId: string; token: string }) {
  const { t } = useTranslation();
  const transport = projectorTransport(token);
  useEffect(() => holdProjector(token), [token]);
  const [refused, setRefused] = useState<AppError | null>(null);
  useEffect(
    () => transport.subscribe({ connectError: setRefused, connect: () => setRefused(null) }),
    [transport],
  );
  const { meeting, status, error, clockOffsetMs } = useMeetingOn(transport, meetingId);
  const votes = meeting ? Object.values(meeting.votes) : [];
  const openIds = votes.filter((v) => v.status === 'open').map((v) => v.id);
  const { live } = useVoteFeed(transport, meetingId, openIds);
  useEffect(() => {
    document.body.classList.add('projector-body');
    return () => document.body.classList.remove('projector-body');
  }, []);

  const vote = meeting ? projectedVote(meeting) : null;
  const problem = refused ?? (meeting ? null : error);
  if (problem) {
    return (
      <main className="projector projector-message" data-testid="projector">
        <p className="projector-error" role="alert" data-testid="projector-error">
          {problem.code === 'UNAUTHENTICATED' || problem.code === 'FORBIDDEN'
            ? t('projector.invalid')
            : t(`errors.${problem.code}`)}
        </p>
      </main>
    );
  }
  if (!meeting) {
    return (
      <main className="projector projector-message" data-testid="projector">
        <p>{t('meeting.loading')}</p>
      </main>
    );
  }
  return (
    <main className="projector" data-testid="projector">
      <header className="projector-head">
        <h1 data-testid="projector-title">{meeting.title}</h1>
        <div className="projector-status">
          <Clock clockOffsetMs={clockOffsetMs} />
          <ConnectionPill status={status} />
        </div>
      </header>
      {/* with a vote on screen, two columns: a 16:9 screen is wider than it is tall */}
      <div className={`projector-body-grid${vote ? ' with-vote' : ''}`}>
        <div className="projector-column">
          <CurrentItemBig meeting={meeting} />
          <SpeakerBig meeting={meeting} clockOffsetMs={clockOffsetMs} />
        </div>
        {vote && <VoteBig vote={vote} live={live} />}
      </div>
    </main>
  );
}

function Clock({ clockOffsetMs }: { clockOffsetMs: number }) {
  const { i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  const now = useSyncExternalStore(subscribeSecond, () => Math.floor(Date.now() / 1000));
  const text = new Intl.DateTimeFormat(LOCALES[lang], { timeStyle: 'short' }).format(
    new Date(now * 1000 + clockOffsetMs),
  );
  return <span className="projector-clock">{text}</span>;
}

function subscribeSecond(onChange: () => void): () => void {
  const timer = setInterval(onChange, 1000);
  return () => clearInterval(timer);
}

function CurrentItemBig({ meeting }: { meeting: MeetingState }) {
  const { t } = useTranslation();
  const entry = flattenAgenda(meeting.agenda).find((e) => e.item.id === meeting.currentItemId);
  return (
    <section className="projector-item" data-testid="projector-item">
      <h2>{t('meeting.currentItem')}</h2>
      {entry ? (
        <p className="projector-item-title">
          <span className="agenda-number">{entry.number}</span> {entry.item.title}
        </p>
      ) : (
        <p className="projector-item-title muted">{t(`status.${meeting.status}`)}</p>
      )}
      {entry?.item.presenter && (
        <p className="projector-presenter">
          {t('meeting.presenter', { name: entry.item.presenter })}
        </p>
      )}
    </section>
  );
}

function SpeakerBig({ meeting, clockOffsetMs }: { meeting: MeetingState; clockOffsetMs: number }) {
  const { t } = useTranslation();
  const { current, queue } = meeting.speakers;
  if (!current) return null;
  const name = (id: string): string => meeting.participants[id]?.displayName ?? id;
  const next = queue.filter((e) => e.itemId === meeting.currentItemId).slice(0, 3);
  return (
    <section
      className="projector-speaker"
      data-testid="current-speaker"
      data-user-id={current.userId}
    >
      <div>
        <h2>
          {current.kind === 'speech' ? t('speakers.onTheFloor') : t('speakers.kind.interpellation')}
        </h2>
        <p className="projector-speaker-name">{name(current.userId)}</p>
        {current.kind === 'interpellation' && current.addressedTo && (
          <p className="projector-presenter">
            {t('speakers.interpellationTo', { name: current.addressedTo })}
          </p>
        )}
        {next.length > 0 && (
          <p className="projector-next">
            {t('speakers.next', { names: next.map((e) => name(e.userId)).join(', ') })}
          </p>
        )}
      </div>
      <SpeakerTimer
        startedAt={current.startedAt}
        limitSec={current.limitSec}
        clockOffsetMs={clockOffsetMs}
        large
      />
    </section>
  );
}

function VoteBig({ vote, live }: { vote: Vote; live: Readonly<Record<string, VoteLive>> }) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  const figures = live[vote.id];
  return (
    <section
      className="projector-vote"
      data-testid="projector-vote"
      data-vote-id={vote.id}
      data-status={vote.status}
    >
      <h2>{vote.status === 'open' ? t('votes.inProgress') : t('votes.resultTitle')}</h2>
      <p className="projector-vote-title">{vote.title}</p>
      {vote.status === 'open' && figures && (
        <>
          <p
            className="projector-progress"
            data-testid="vote-progress"
            data-cast={figures.cast}
            data-eligible={figures.eligible}
          >
            {t('votes.progress', {
              cast: formatNumber(figures.cast, lang),
              eligible: formatNumber(figures.eligible, lang),
            })}
          </p>
          {figures.counts && (
            <ResultChart
              vote={vote}
              counts={figures.counts}
              base={figures.cast}
              threshold={null}
              large
            />
          )}
        </>
      )}
      {vote.status === 'closed' && vote.result && (
        <VoteResultView vote={vote} result={vote.result} large />
      )}
    </section>
  );
}
