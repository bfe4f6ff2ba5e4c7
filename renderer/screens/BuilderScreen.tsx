// "Soạn cuộc họp": the secretary's builder of one meeting — details, participants, agenda, PDFs.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { JoinError } from '../components/JoinError.tsx';
import { canOrganise, roleIn, type ClientCommand } from '../../core/index.ts';
import { meetingHref } from '../app/route.ts';
import { useSession } from '../app/session.ts';
import { AgendaEditor } from '../builder/AgendaEditor.tsx';
import { MeetingForm } from '../builder/MeetingForm.tsx';
import { formOf, updateOf } from '../builder/meetingForm.ts';
import { ParticipantsEditor } from '../builder/ParticipantsEditor.tsx';
import { useUploads } from '../builder/useUploads.ts';
import { ConnectionPill } from '../components/Badges.tsx';
import { useToast } from '../components/Toasts.tsx';
import { useMeeting } from '../hooks/useMeeting.ts';

export function BuilderScreen({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { meeting, status, error, send, retry } = useMeeting(meetingId);
  const uploads = useUploads(meetingId);
  const toast = useToast();
  const run = useCallback(
    (command: ClientCommand) => {
      void send(command).then((ack) => {
        if (!ack.ok) toast(ack.error);
      });
    },
    [send, toast],
  );

  if (error && !meeting) return <JoinError error={error} retry={retry} />;
  if (!meeting) {
    return (
      <main className="page">
        <ConnectionPill status={status} />
        <p className="muted">{t('meeting.loading')}</p>
      </main>
    );
  }
  const role = roleIn(meeting, { userId: user.id, globalRole: user.globalRole });
  if (!canOrganise(role)) {
    return (
      <main className="page">
        <p className="error-box" role="alert">
          {t('builder.notOrganiser')}
        </p>
        <a href={meetingHref(meetingId)}>{t('builder.view')}</a>
      </main>
    );
  }

  return (
    <main className="page builder-page" data-testid="builder" data-meeting-id={meetingId}>
      <div className="meeting-header">
        <div className="meeting-title-row">
          <h1>
            {t('builder.title')}: <span data-testid="builder-title">{meeting.title}</span>
          </h1>
          <ConnectionPill status={status} />
          <a className="button-link" href={meetingHref(meetingId)} data-testid="view-meeting">
            {t('builder.view')}
          </a>
        </div>
      </div>
      <div className="builder-grid">
        <div className="builder-main">
          <MeetingForm
            // a fresh form when someone else saved: the key is the meeting's details
            key={`${meeting.title}|${meeting.startsAt}|${JSON.stringify(meeting.quorum)}`}
            mode="edit"
            initial={formOf(meeting)}
            onSubmit={async (payload) => {
              const changes = updateOf(meeting, payload);
              if (Object.keys(changes).length === 0) return 'unchanged';
              const ack = await send({ type: 'meeting.update', payload: changes });
              return ack.ok ? null : ack.error;
            }}
          />
          <AgendaEditor meeting={meeting} run={run} send={send} uploads={uploads} />
        </div>
        <aside className="builder-side">
          <ParticipantsEditor meeting={meeting} run={run} />
        </aside>
      </div>
    </main>
  );
}
