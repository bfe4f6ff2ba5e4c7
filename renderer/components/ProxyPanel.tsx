// Proxies (ủy quyền biểu quyết): a delegate hands their vote to another delegate and may take it
// back before a vote opens; everyone sees who holds whose vote.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  anyVoteOpen,
  canOrganise,
  isMember,
  proxiesHeldBy,
  type ClientCommand,
  type MeetingState,
  type Role,
} from '../../core/index.ts';
import { compareNames } from '../format.ts';

interface Props {
  meeting: MeetingState;
  selfId: string;
  role: Role | null;
  run: (command: ClientCommand) => void;
}

export function ProxyPanel({ meeting, selfId, role, run }: Props) {
  const { t } = useTranslation();
  const [to, setTo] = useState('');
  const { proxies, maxProxiesPerHolder } = meeting;
  const name = (userId: string): string => meeting.participants[userId]?.displayName ?? userId;
  // proxies are frozen while a vote is open
  const voteOpen = anyVoteOpen(meeting);
  const closed = meeting.status === 'closed';
  const myHolder = proxies[selfId];
  const heldFrom = proxiesHeldBy(meeting, selfId);
  // between voting members, no chains: one who gave their vote cannot hold one, nor the reverse
  const candidates = Object.values(meeting.participants)
    .filter(
      (p) =>
        isMember(meeting, p.userId) &&
        p.userId !== selfId &&
        proxies[p.userId] === undefined &&
        proxiesHeldBy(meeting, p.userId).length < maxProxiesPerHolder,
    )
    .sort((a, b) => compareNames(a.displayName, b.displayName));
  const entries = Object.entries(proxies).sort(([a], [b]) => compareNames(name(a), name(b)));
  const revoke = (fromUserId?: string): void =>
    run({ type: 'proxy.revoke', payload: fromUserId ? { fromUserId } : {} });

  return (
    <section className="panel proxies" aria-labelledby="proxy-heading" data-testid="proxy-panel">
      <h2 id="proxy-heading">{t('proxy.title')}</h2>
      {isMember(meeting, selfId) && !closed && (
        <div className="proxy-mine">
          {myHolder !== undefined ? (
            <>
              <p data-testid="my-proxy" data-to={myHolder}>
                {t('proxy.given', { name: name(myHolder) })}
              </p>
              <button
                type="button"
                data-testid="proxy-revoke"
                disabled={voteOpen}
                onClick={() => revoke()}
              >
                {t('proxy.revoke')}
              </button>
              {voteOpen && <p className="hint">{t('proxy.noRevokeWhileOpen')}</p>}
            </>
          ) : heldFrom.length === 0 ? (
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (!to) return;
                run({ type: 'proxy.grant', payload: { toUserId: to } });
                setTo('');
              }}
            >
              <label>
                <span>{t('proxy.giveTo')}</span>
                <select
                  value={to}
                  data-testid="proxy-select"
                  onChange={(e) => setTo(e.target.value)}
                >
                  <option value="">{t('proxy.choose')}</option>
                  {candidates.map((p) => (
                    <option key={p.userId} value={p.userId}>
                      {p.displayName}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="submit"
                className="primary"
                disabled={!to || voteOpen}
                data-testid="proxy-grant"
              >
                {t('proxy.give')}
              </button>
            </form>
          ) : null}
          {heldFrom.length > 0 && (
            <p data-testid="proxies-held">
              {t('proxy.holding', { names: heldFrom.map(name).join(', ') })}
            </p>
          )}
        </div>
      )}
      {entries.length === 0 ? (
        <p className="muted">{t('proxy.none')}</p>
      ) : (
        <ul className="proxy-list">
          {entries.map(([from, holder]) => (
            <li key={from} data-testid="proxy-entry" data-from={from} data-to={holder}>
              <span>{t('proxy.entry', { from: name(from), to: name(holder) })}</span>
              {canOrganise(role) && !closed && (
                <button
                  type="button"
                  className="small"
                  disabled={voteOpen}
                  aria-label={t('proxy.revokeFor', { name: name(from) })}
                  onClick={() => revoke(from)}
                >
                  {t('proxy.revokeShort')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
