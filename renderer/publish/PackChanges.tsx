// Changes to the published pack that concern this person: each one a toast as it arrives, and
// the list of them under the meeting's header.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Announcement } from '../../core/index.ts';
import { useNotice } from '../components/Toasts.tsx';
import { announcementText } from './announceText.ts';

export function PackChanges({ announcements }: { announcements: Announcement[] }) {
  const { t } = useTranslation();
  const notice = useNotice();
  const shown = useRef(0);
  useEffect(() => {
    // the list only grows (or is trimmed from the front): toast what is new since last time
    const fresh = announcements.filter((a) => a.rev > shown.current);
    for (const a of fresh) notice(announcementText(a, t));
    if (announcements.length) shown.current = announcements[announcements.length - 1]!.rev;
  }, [announcements, notice, t]);
  if (announcements.length === 0) return null;
  return (
    <section className="panel pack-changes" aria-labelledby="pack-changes-heading">
      <h2 id="pack-changes-heading">{t('builder.publish.changesTitle')}</h2>
      <ul>
        {[...announcements].reverse().map((a, i) => (
          <li key={`${a.rev}-${i}`} data-testid="pack-change" data-kind={a.kind}>
            {announcementText(a, t)}
          </li>
        ))}
      </ul>
    </section>
  );
}
