// A new meeting: its details first; then the builder opens for participants and the agenda.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandAck } from '../../core/index.ts';
import { buildHref } from '../app/route.ts';
import { useSession } from '../app/session.ts';
import { MeetingForm, type SubmitError } from '../builder/MeetingForm.tsx';
import { emptyForm } from '../builder/meetingForm.ts';
import { newCommandId } from '../sync/ids.ts';

export function NewMeetingScreen() {
  const { t } = useTranslation();
  const { user, transport } = useSession();
  // one id for this form: a retried create (after a reconnect) makes no second meeting
  const [commandId] = useState(newCommandId);
  const [initial] = useState(() => emptyForm(new Date()));
  const allowed = user.globalRole === 'admin' || user.globalRole === 'secretary';

  if (!allowed) {
    return (
      <main className="page">
        <p className="error-box" role="alert">
          {t('builder.notOrganiser')}
        </p>
      </main>
    );
  }
  return (
    <main className="page builder-page" data-testid="new-meeting">
      <h1>{t('builder.newTitle')}</h1>
      <MeetingForm
        mode="create"
        initial={initial}
        onSubmit={(payload) =>
          new Promise<SubmitError | null>((resolve) => {
            const offline: SubmitError = { code: 'NETWORK', message: '' };
            if (!transport.isConnected()) return resolve(offline);
            // a lost connection loses the answer: pressing again resends the same command id,
            // and the server answers with the meeting it made the first time
            const stop = transport.subscribe({ disconnect: () => finish(offline) });
            const finish = (result: SubmitError | null): void => {
              stop();
              resolve(result);
            };
            const command = { type: 'meeting.create', payload };
            transport.command({ id: commandId, meetingId: null, command }, (ack: CommandAck) => {
              if (!ack.ok) return finish(ack.error);
              finish(null);
              window.location.hash = buildHref(ack.meetingId);
            });
          })
        }
      />
    </main>
  );
}
