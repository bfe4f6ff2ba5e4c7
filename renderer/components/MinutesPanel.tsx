// The minutes (biên bản): the secretary edits the draft generated from the meeting's record,
// adds conclusions and follow-up tasks, saves, marks the minutes final and downloads the PDF.
// The chair reads the draft; once final, every participant reads it and downloads the PDF.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  canOrganise,
  draftMinutes,
  LIMITS,
  MINUTES_LANGUAGES,
  type ClientCommand,
  type CommandAck,
  type MeetingState,
  type MinutesLanguage,
  type MinutesTask,
  type Role,
} from '../../core/index.ts';
import { minutesPdfUrl } from '../api/http.ts';
import { compareNames, formatDateTime } from '../format.ts';
import { currentLanguage } from '../i18n/index.ts';
import {
  formFrom,
  generatedTexts,
  isDirty,
  newTask,
  saveCommand,
  withSectionText,
  type MinutesForm,
} from '../minutesForm.ts';
import { useToast } from './Toasts.tsx';

interface Props {
  meeting: MeetingState;
  role: Role | null;
  send: (command: ClientCommand) => Promise<CommandAck>;
}

const OTHER = '__other';
/** What one save may weigh: the socket message limit, less room for the envelope. */
const MAX_SAVE_KB = Math.floor(LIMITS.messageBytes / 1024) - 1;

function commandBytes(form: MinutesForm): number {
  return new TextEncoder().encode(JSON.stringify(saveCommand(form, 0))).length;
}

export function MinutesPanel({ meeting, role, send }: Props) {
  const { t, i18n } = useTranslation();
  const uiLang = currentLanguage(i18n.language);
  const minutes = meeting.minutes;
  const editable = canOrganise(role);
  // the preview is laid out only while shown; the editor stays mounted to keep unsaved text
  const [open, setOpen] = useState(editable);
  return (
    <details
      className="panel minutes"
      data-testid="minutes-panel"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        <h2>{t('minutes.title')}</h2>
        <span className={`badge ${minutes?.final ? 'ok' : 'warn'}`} data-testid="minutes-status">
          {minutes?.final ? t('minutes.final') : t('minutes.draft')}
        </span>
      </summary>
      <p className="hint" data-testid="minutes-saved">
        {minutes
          ? t('minutes.savedAt', {
              version: minutes.version,
              time: formatDateTime(minutes.savedAt, uiLang),
              name: meeting.participants[minutes.savedBy]?.displayName ?? minutes.savedBy,
            })
          : t('minutes.notSaved')}{' '}
        {!minutes?.final && t('minutes.draftNotice')}
      </p>
      <div className="minutes-downloads">
        {MINUTES_LANGUAGES.map((lang) => (
          <a
            key={lang}
            className="button"
            href={minutesPdfUrl(meeting.id, lang)}
            download
            data-testid={`minutes-pdf-${lang}`}
          >
            {t(lang === 'vi' ? 'minutes.pdfVi' : 'minutes.pdfEn')}
          </a>
        ))}
      </div>
      {editable ? (
        <MinutesEditor meeting={meeting} send={send} startLang={uiLang} />
      ) : (
        open && <MinutesPreview meeting={meeting} lang={uiLang} />
      )}
    </details>
  );
}

function MinutesPreview({ meeting, lang }: { meeting: MeetingState; lang: MinutesLanguage }) {
  const doc = useMemo(() => draftMinutes(meeting, lang), [meeting, lang]);
  return (
    <article className="minutes-preview" lang={lang} data-testid="minutes-preview">
      <h3>{doc.title}</h3>
      <p className="minutes-subtitle">{doc.subtitle}</p>
      {doc.sections.map((s, i) => (
        <section key={s.key ?? `s${i}`}>
          {s.heading && <h4>{s.heading}</h4>}
          {s.paragraphs.map((p, j) => (
            <p key={j}>{p}</p>
          ))}
        </section>
      ))}
    </article>
  );
}

function MinutesEditor({
  meeting,
  send,
  startLang,
}: {
  meeting: MeetingState;
  send: Props['send'];
  startLang: MinutesLanguage;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const minutes = meeting.minutes;
  const version = minutes?.version ?? 0;
  const [form, setFormState] = useState<MinutesForm>(() => formFrom(minutes));
  const [base, setBase] = useState(version);
  // the secretary changed something since the form was loaded or saved
  const [touched, setTouched] = useState(false);
  const [lang, setLang] = useState<MinutesLanguage>(startLang);
  const [saving, setSaving] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const setForm = (next: MinutesForm | ((f: MinutesForm) => MinutesForm)) => {
    setFormState(next);
    setTouched(true);
    setJustSaved(false);
  };
  const load = () => {
    setFormState(formFrom(minutes));
    setBase(version);
    setTouched(false);
  };

  // a newer version arrived (saved here or elsewhere): take it, unless it would lose edits
  const stale = version !== base && touched && isDirty(form, minutes);
  // (adjusted while rendering, as React advises for state that follows a prop)
  if (version !== base && !stale) load();
  const dirty = touched && isDirty(form, minutes);
  const kb = Math.ceil(commandBytes(form) / 1024);
  const tooLong = kb > MAX_SAVE_KB;

  const generated = useMemo(() => generatedTexts(meeting, lang), [meeting, lang]);
  const people = useMemo(
    () =>
      Object.values(meeting.participants).sort((a, b) =>
        compareNames(a.displayName, b.displayName),
      ),
    [meeting.participants],
  );
  const setTask = (i: number, change: Partial<MinutesTask>) =>
    setForm((f) => ({ ...f, tasks: f.tasks.map((x, j) => (j === i ? { ...x, ...change } : x)) }));

  const save = async () => {
    setSaving(true);
    setJustSaved(false);
    const ack = await send(saveCommand(form, base));
    setSaving(false);
    if (!ack.ok) {
      toast(ack.error);
      return;
    }
    setBase(base + 1);
    setTouched(false);
    setJustSaved(true);
  };

  return (
    <form
      className="minutes-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="minutes-fields">
        <label>
          <span>{t('minutes.organisation')}</span>
          <input
            value={form.organisation}
            maxLength={300}
            data-testid="minutes-organisation"
            onChange={(e) => setForm({ ...form, organisation: e.target.value })}
          />
        </label>
        <label>
          <span>{t('minutes.number')}</span>
          <input
            value={form.number}
            maxLength={200}
            placeholder={t('minutes.numberPlaceholder')}
            data-testid="minutes-number"
            onChange={(e) => setForm({ ...form, number: e.target.value })}
          />
        </label>
        <label>
          <span>{t('minutes.city')}</span>
          <input
            value={form.city}
            maxLength={200}
            placeholder={t('minutes.cityPlaceholder')}
            data-testid="minutes-city"
            onChange={(e) => setForm({ ...form, city: e.target.value })}
          />
        </label>
      </div>

      <div className="panel-head">
        <h3 className="sub-heading">{t('minutes.body')}</h3>
        <label className="minutes-lang">
          <span>{t('minutes.textLanguage')}</span>
          <select
            value={lang}
            data-testid="minutes-lang"
            onChange={(e) => setLang(e.target.value as MinutesLanguage)}
          >
            <option value="vi">{t('minutes.langVi')}</option>
            <option value="en">{t('minutes.langEn')}</option>
          </select>
        </label>
      </div>
      {generated.map((g) => {
        const override = form.sections[lang][g.key];
        const value = override ?? g.text;
        const rows = Math.min(14, Math.max(2, value.split('\n').length + 1));
        return (
          <div
            key={g.key}
            className="minutes-section"
            data-testid="minutes-section"
            data-key={g.key}
          >
            <div className="minutes-section-head">
              <label htmlFor={`minutes-${g.key}`}>{g.heading || t('minutes.closing')}</label>
              {override !== undefined && (
                <>
                  <span className="badge warn">{t('minutes.edited')}</span>
                  <button
                    type="button"
                    className="small"
                    onClick={() => setForm(withSectionText(form, lang, g.key, g.text, g.text))}
                  >
                    {t('minutes.restore')}
                  </button>
                </>
              )}
            </div>
            <textarea
              id={`minutes-${g.key}`}
              lang={lang}
              rows={rows}
              maxLength={5000}
              value={value}
              onChange={(e) => setForm(withSectionText(form, lang, g.key, e.target.value, g.text))}
            />
          </div>
        );
      })}

      <h3 className="sub-heading">{t('minutes.conclusions')}</h3>
      <textarea
        className="minutes-conclusions"
        rows={4}
        maxLength={5000}
        value={form.conclusions}
        data-testid="minutes-conclusions"
        aria-label={t('minutes.conclusions')}
        onChange={(e) => setForm({ ...form, conclusions: e.target.value })}
      />
      <p className="hint">{t('minutes.conclusionsHint')}</p>

      <h3 className="sub-heading">{t('minutes.tasks')}</h3>
      {form.tasks.length === 0 && <p className="muted">{t('minutes.noTasks')}</p>}
      <ol className="minutes-tasks">
        {form.tasks.map((task, i) => (
          <li key={task.id} data-testid="minutes-task">
            <label className="task-title">
              <span>{t('minutes.taskTitle')}</span>
              <input
                value={task.title}
                maxLength={500}
                onChange={(e) => setTask(i, { title: e.target.value })}
              />
            </label>
            <label>
              <span>{t('minutes.owner')}</span>
              <select
                value={task.ownerId ?? (task.ownerName ? OTHER : '')}
                onChange={(e) =>
                  setTask(
                    i,
                    e.target.value === OTHER || e.target.value === ''
                      ? { ownerId: null, ownerName: e.target.value === OTHER ? ' ' : '' }
                      : { ownerId: e.target.value, ownerName: '' },
                  )
                }
              >
                <option value="">{t('minutes.ownerChoose')}</option>
                {people.map((p) => (
                  <option key={p.userId} value={p.userId}>
                    {p.displayName}
                  </option>
                ))}
                <option value={OTHER}>{t('minutes.ownerOther')}</option>
              </select>
            </label>
            {task.ownerId === null && task.ownerName !== '' && (
              <label>
                <span>{t('minutes.ownerName')}</span>
                <input
                  value={task.ownerName.trimStart()}
                  maxLength={200}
                  onChange={(e) => setTask(i, { ownerName: e.target.value || ' ' })}
                />
              </label>
            )}
            <label>
              <span>{t('minutes.due')}</span>
              <input
                type="date"
                value={task.due ?? ''}
                onChange={(e) => setTask(i, { due: e.target.value || null })}
              />
            </label>
            <button
              type="button"
              className="small"
              aria-label={t('minutes.removeTask', { n: i + 1 })}
              onClick={() => setForm({ ...form, tasks: form.tasks.filter((_, j) => j !== i) })}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="small"
        data-testid="minutes-add-task"
        onClick={() => setForm({ ...form, tasks: [...form.tasks, newTask()] })}
      >
        {t('minutes.addTask')}
      </button>

      <label className="check minutes-final">
        <input
          type="checkbox"
          checked={form.final}
          data-testid="minutes-final"
          onChange={(e) => setForm({ ...form, final: e.target.checked })}
        />
        <span>{t('minutes.markFinal')}</span>
      </label>
      {stale && (
        <p className="error-box banner" role="alert">
          <span>{t('minutes.changedElsewhere')}</span>
          <button type="button" onClick={load}>
            {t('minutes.reload')}
          </button>
        </p>
      )}
      {tooLong && (
        <p className="form-error" role="alert" data-testid="minutes-too-long">
          {t('minutes.tooLong', { kb, max: MAX_SAVE_KB })}
        </p>
      )}
      <div className="minutes-actions">
        <button
          type="submit"
          className="primary"
          disabled={saving || tooLong}
          data-testid="minutes-save"
        >
          {saving ? t('minutes.saving') : t('minutes.save')}
        </button>
        {dirty ? (
          <span className="hint">{t('minutes.unsaved')}</span>
        ) : (
          justSaved && (
            <span className="hint" role="status" data-testid="minutes-saved-note">
              {t('minutes.saved')}
            </span>
          )
        )}
      </div>
    </form>
  );
}
