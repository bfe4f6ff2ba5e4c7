// The meeting's details: title, start, place, description, quorum and self check-in.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../core/index.ts';
import { checkForm, type Checked, type MeetingFormValues } from './meetingForm.ts';

type Payload = Extract<Checked, { ok: true }>['payload'];
/** A server error code (or NETWORK) and the server's message. */
export interface SubmitError {
  code: string;
  message: string;
}

interface Props {
  initial: MeetingFormValues;
  mode: 'create' | 'edit';
  /** Resolves with the server's error, or null when it was done; 'unchanged' when nothing was. */
  onSubmit: (payload: Payload) => Promise<SubmitError | 'unchanged' | null>;
}

export function MeetingForm({ initial, mode, onSubmit }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [v, setV] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const set = <K extends keyof MeetingFormValues>(key: K, value: MeetingFormValues[K]): void => {
    setV((prev) => ({ ...prev, [key]: value }));
    setNote(null);
  };

  const submit = async (): Promise<void> => {
    const checked = checkForm(v);
    if (!checked.ok) {
      setNote({ kind: 'error', text: t(`builder.form.${checked.problem}`) });
      return;
    }
    setBusy(true);
    const result = await onSubmit(checked.payload);
    setBusy(false);
    if (result === 'unchanged') setNote({ kind: 'ok', text: t('builder.form.unchanged') });
    else if (result)
      setNote({ kind: 'error', text: `${t(`errors.${result.code}`)} ${result.message}` });
    else if (mode === 'edit') setNote({ kind: 'ok', text: t('builder.form.saved') });
  };

  return (
    <form
      className="panel builder-form"
      aria-labelledby={`${id}-h`}
      data-testid="meeting-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id={`${id}-h`}>{t('builder.form.heading')}</h2>
      <fieldset disabled={busy}>
        <label className="field wide">
          <span>{t('builder.form.title')}</span>
          <input
            name="title"
            required
            value={v.title}
            maxLength={LIMITS.title}
            onChange={(e) => set('title', e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('builder.form.startsAt')}</span>
          <input
            name="startsAt"
            type="datetime-local"
            required
            value={v.startsAt}
            onChange={(e) => set('startsAt', e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('builder.form.location')}</span>
          <input
            name="location"
            value={v.location}
            maxLength={LIMITS.title}
            onChange={(e) => set('location', e.target.value)}
          />
        </label>
        <label className="field wide">
          <span>{t('builder.form.description')}</span>
          <textarea
            name="description"
            rows={3}
            value={v.description}
            maxLength={LIMITS.text}
            onChange={(e) => set('description', e.target.value)}
          />
        </label>
        <div className="field quorum-field" role="group" aria-labelledby={`${id}-q`}>
          <span id={`${id}-q`}>{t('builder.form.quorum')}</span>
          <div className="inline">
            <select
              name="quorumKind"
              aria-label={t('builder.form.quorumKind')}
              value={v.quorumKind}
              onChange={(e) => set('quorumKind', e.target.value === 'count' ? 'count' : 'fraction')}
            >
              <option value="fraction">{t('builder.form.fraction')}</option>
              <option value="count">{t('builder.form.count')}</option>
            </select>
            <input
              name="quorumValue"
              inputMode="decimal"
              className="short"
              aria-label={
                v.quorumKind === 'fraction'
                  ? t('builder.form.quorumPercent')
                  : t('builder.form.quorumCount')
              }
              value={v.quorumValue}
              onChange={(e) => set('quorumValue', e.target.value)}
            />
          </div>
        </div>
        <label className="check field">
          <input
            name="selfCheckIn"
            type="checkbox"
            checked={v.selfCheckIn}
            onChange={(e) => set('selfCheckIn', e.target.checked)}
          />
          <span>{t('builder.form.selfCheckIn')}</span>
        </label>
        <div className="form-actions">
          <button type="submit" className="primary" data-testid="meeting-form-submit">
            {busy
              ? t(mode === 'create' ? 'builder.form.creating' : 'builder.form.saving')
              : t(mode === 'create' ? 'builder.form.create' : 'builder.form.save')}
          </button>
          {note && (
            <span
              className={note.kind === 'error' ? 'form-error' : 'form-ok'}
              role={note.kind === 'error' ? 'alert' : 'status'}
              data-testid="meeting-form-note"
            >
              {note.text}
            </span>
          )}
        </div>
      </fieldset>
    </form>
  );
}
