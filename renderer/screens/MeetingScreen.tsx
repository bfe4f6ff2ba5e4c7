// One meeting: header, current item, votes, speakers, agenda, attendance and proxies, and the
// chair's controls.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { JoinError } from '../components/JoinError.tsx';
import {
  canOrganise,
  canReadMinutes,
  canRunMeeting,
  isMember,
  roleIn,
  type AttendanceStatus,
  type ClientCommand,
  type MeetingState,
} from '../../core/index.ts';
import { buildHref } from '../app/route.ts';
import { PersonalNotes } from '../annotations/PersonalNote.tsx';
import { useSession } from '../app/session.ts';
import { PackStatus } from '../cache/PackStatus.tsx';
import { PresenterBar } from '../presenter/PresenterBar.tsx';
import { usePresenter } from '../presenter/usePresenter.ts';
import { AgendaTree } from '../components/AgendaTree.tsx';
import { AttendancePanel } from '../components/AttendancePanel.tsx';
import { ConnectionPill, StatusBadge } from '../components/Badges.tsx';
import { ChairControls } from '../components/ChairControls.tsx';
import { CurrentItem } from '../components/CurrentItem.tsx';
import { PackSearch } from '../components/PackSearch.tsx';
import { MinutesPanel } from '../components/MinutesPanel.tsx';
import { ProxyPanel } from '../components/ProxyPanel.tsx';
import { SpeakersPanel } from '../components/SpeakersPanel.tsx';
import { useRefusalNotice } from '../hooks/useRefusalNotice.ts';
import { VotesPanel } from '../components/VotesPanel.tsx';
import { formatDateTime } from '../format.ts';
import { useMeeting } from '../hooks/useMeeting.ts';
import { useVoteFeed } from '../hooks/useVoteFeed.ts';
import { currentLanguage } from '../i18n/index.ts';
import { PackChanges } from '../publish/PackChanges.tsx';
import { PublishPanel } from '../publish/PublishPanel.tsx';
import type { SyncStatus } from '../sync/meetingSync.ts';

export function MeetingScreen({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const { user, transport } = useSession();
  const { meeting, status, error, pending, send, retry, clockOffsetMs, announcements, current } =
    useMeeting(meetingId);
  const presenting = usePresenter(meetingId, meeting);
  const refused = useRefusalNotice();
  const openVotes = meeting
    ? Object.values(meeting.votes)
        .filter((v) => v.status === 'open')
        .map((v) => v.id)
    : [];
  const { live, refresh } = useVoteFeed(transport, meetingId, openVotes);

  const run = useCallback(
    (command: ClientCommand) => {
      const known = meeting; // as it was when the change was made
      void send(command).then((ack) => {
        if (!ack.ok) refused(command, ack.error, { now: current(), known });
      });
    },
    [send, refused, current, meeting],
  );

  if (error && !meeting)
    return <JoinError error={error} retry={retry} title={t('meeting.joinFailed')} />;
  if (!meeting) {
    return (
      <main className="page">
        <MeetingHeaderShell status={status} />
        <p className="muted">{t('meeting.loading')}</p>
      </main>
    );
  }
  const role = roleIn(meeting, { userId: user.id, globalRole: user.globalRole });
  const canRun = canRunMeeting(role);
  const documents = Object.values(meeting.documents);
  const setAttendance = (userId: string, to: AttendanceStatus, reason: string): void =>
    run({ type: 'attendance.set', payload: { userId, status: to, reason } });

  return (
    <main className="page meeting-page">
      <MeetingHeader meeting={meeting} status={status} role={role} pending={pending} />
      <PackStatus meetingId={meeting.id} />
      <PresenterBar meeting={meeting} presenting={presenting} send={send} />
      {error && (
        // joined before, but a re-join failed (removed from the meeting, server trouble)
        <div className="error-box banner" role="alert" data-testid="join-error">
          <span>
            {t(`errors.${error.code}`)} <span className="muted">{error.message}</span>
          </span>
          <button type="button" onClick={retry}>
            {t('common.retry')}
          </button>
        </div>
      )}
      <PackChanges announcements={announcements} />
      <div className="meeting-grid">
        <div className="meeting-main">
          <CurrentItem meeting={meeting} documents={documents} />
          <PersonalNotes meeting={meeting} userId={user.id} send={send} />
          {canRun && <ChairControls meeting={meeting} run={run} />}
          <VotesPanel
            meeting={meeting}
            selfId={user.id}
            isVoter={isMember(meeting, user.id)}
            canRun={canRun}
            live={live}
            refresh={refresh}
            send={send}
          />
          <SpeakersPanel
            meeting={meeting}
            selfId={user.id}
            role={role}
            canRun={canRun}
            clockOffsetMs={clockOffsetMs}
            run={run}
          />
          {documents.length > 0 && (
            <PackSearch meetingId={meeting.id} agenda={meeting.agenda} documents={documents} />
          )}
          <AgendaTree
            meetingId={meeting.id}
            agenda={meeting.agenda}
            currentItemId={meeting.currentItemId}
            documents={documents}
          />
          {canReadMinutes(meeting.minutes, role) && (
            <MinutesPanel meeting={meeting} role={role} send={send} />
          )}
        </div>
        <aside className="meeting-side">
          <AttendancePanel
            meeting={meeting}
            selfId={user.id}
            canManage={canRun}
            setAttendance={setAttendance}
          />
          <ProxyPanel meeting={meeting} selfId={user.id} role={role} run={run} />
          {canOrganise(role) && <PublishPanel meeting={meeting} run={run} />}
        </aside>
      </div>
    </main>
  );
}

function MeetingHeader({
  meeting,
  status,
  role,
  pending,
}: {
  meeting: MeetingState;
  status: SyncStatus;
  role: ReturnType<typeof roleIn>;
  pending: number;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  return (
    <div className="meeting-header">
      <div className="meeting-title-row">
        <h1 data-testid="meeting-title">{meeting.title}</h1>
        <StatusBadge status={meeting.status} />
        {meeting.publishedAt === null && (
          <span className="badge draft" data-testid="draft-badge">
            {t('builder.publish.draft')}
          </span>
        )}
        <ConnectionPill status={status} />
      </div>
      <p className="meeting-facts">
        <span>{formatDateTime(meeting.startsAt, lang)}</span>
        {meeting.location && <span>{meeting.location}</span>}
        {role && <span data-testid="my-role">{t(`role.${role}`)}</span>}
        {canOrganise(role) && (
          <a href={buildHref(meeting.id)} data-testid="build-link">
            {t('builder.open')}
          </a>
        )}
        {pending > 0 && (
          <span className="pending" data-testid="pending">
            {t('meeting.pending', { count: pending })}
          </span>
        )}
      </p>
    </div>
  );
}

function MeetingHeaderShell({ status }: { status: SyncStatus }) {
  return (
    <div className="meeting-header">
      <div className="meeting-title-row">
        <ConnectionPill status={status} />
      </div>
    </div>
  );
}
