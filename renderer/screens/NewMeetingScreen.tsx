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
            if (!transport.isConnected()) {
              resolve({ code: 'NETWORK', message: '' });
              return;
            }
            const req = {
              id: commandId,
              meetingId: null,
              command: { type: 'meeting.create', payload },
            };
            transport.command(req, (ack: CommandAck) => {
              if (!ack.ok) return resolve(ack.error);
              resolve(null);
              window.location.hash = buildHref(ack.meetingId);
            });
          })
        }
      />
    </main>
  );
}
