// Who takes part: invite from the accounts (search ignores diacritics), give a role, change, remove.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type ClientCommand, type MeetingState, type Role } from '../../core/index.ts';
import { api, ApiError, type Account } from '../api/http.ts';
import { compareNames } from '../format.ts';
import { invitable } from './people.ts';

interface Props {
  meeting: MeetingState;
  run: (command: ClientCommand) => void;
}

const SHOWN = 8;

export function ParticipantsEditor({ meeting, run }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [inviteRole, setInviteRole] = useState<Role>('delegate');

  useEffect(() => {
    let current = true;
    api.accounts().then(
      (res) => {
        if (current) setAccounts(res.accounts.filter((a) => a.active));
      },
      (err: unknown) => {
        if (current) setLoadError(err instanceof ApiError ? err.code : 'INTERNAL');
      },
    );
    return () => {
      current = false;
    };
  }, []);

  const participants = Object.values(meeting.participants).sort((a, b) =>
    compareNames(a.displayName, b.displayName),
  );
  const candidates = invitable(accounts ?? [], new Set(Object.keys(meeting.participants)), query);

  return (
    <section
      className="panel builder-people"
      aria-labelledby={`${id}-h`}
      data-testid="people-editor"
    >
      <div className="panel-head">
        <h2 id={`${id}-h`}>{t('builder.people.heading')}</h2>
        <span className="muted">{t('builder.people.count', { count: participants.length })}</span>
      </div>
      <h3 className="sub-heading">{t('builder.people.current')}</h3>
      <ul className="people builder-list">
        {participants.map((p) => (
          <li
            key={p.userId}
            className="person"
            data-testid="builder-participant"
            data-user-id={p.userId}
          >
            <span className="person-name">{p.displayName}</span>
            <span className="row-actions">
              <select
                aria-label={t('builder.people.roleOf', { name: p.displayName })}
                value={p.role}
                onChange={(e) =>
                  run({
                    type: 'participant.setRole',
                    payload: { userId: p.userId, role: e.target.value as Role },
                  })
                }
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="danger"
                aria-label={t('builder.people.removeName', { name: p.displayName })}
                onClick={() => run({ type: 'participant.remove', payload: { userId: p.userId } })}
              >
                {t('builder.people.remove')}
              </button>
            </span>
          </li>
        ))}
      </ul>

      <h3 className="sub-heading" id={`${id}-inv`}>
        {t('builder.people.invitable')}
      </h3>
      <div className="invite-bar">
        <label className="field">
          <span>{t('builder.people.search')}</span>
          <input
            type="search"
            name="peopleSearch"
            value={query}
            aria-describedby={`${id}-hint`}
            onChange={(e) => setQuery(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('builder.people.inviteAs')}</span>
          <select
            name="inviteRole"
            value={inviteRole}
            onChange={(e) => setInviteRole(e.target.value as Role)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="hint" id={`${id}-hint`}>
        {t('builder.people.searchHint')}
      </p>
      {loadError && (
        <p className="form-error" role="alert">
          {t('builder.people.loadFailed')} {t(`errors.${loadError}`)}
        </p>
      )}
      {accounts && candidates.length === 0 && (
        <p className="muted">{t('builder.people.noMatch')}</p>
      )}
      <ul className="people builder-list" aria-labelledby={`${id}-inv`}>
        {candidates.slice(0, SHOWN).map((a) => (
          <li key={a.id} className="person" data-testid="invitable" data-user-id={a.id}>
            <span className="person-name">{a.displayName}</span>
            <span className="muted">{a.username}</span>
            <button
              type="button"
              aria-label={t('builder.people.inviteName', { name: a.displayName })}
              onClick={() =>
                run({ type: 'participant.add', payload: { userId: a.id, role: inviteRole } })
              }
            >
              {t('builder.people.invite')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
