// A delegate's own notes on an agenda item: plain text, saved as they type (debounced), seen
// only by them (the server sends each person only their notes), on all their devices.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  flattenAgenda,
  type ClientCommand,
  type CommandAck,
  type MeetingState,
} from '../../core/index.ts';
import { useRefusalNotice } from '../hooks/useRefusalNotice.ts';
import './annotations.css';

/** Quiet time after the last key before the note is saved. */
const SAVE_AFTER_MS = 700;

interface Props {
  meeting: MeetingState;
  userId: string;
  send: (command: ClientCommand) => Promise<CommandAck>;
}

/** The panel: the current item's note, or another item's when picked. */
export function PersonalNotes(props: Props) {
  const { t } = useTranslation();
  const { meeting } = props;
  const [picked, setPicked] = useState<string | null>(null);
  const entries = flattenAgenda(meeting.agenda);
  const itemId = [picked, meeting.currentItemId, entries[0]?.item.id].find(
    (id) => id && meeting.agenda.items[id],
  );
  if (!itemId) return null;
  return (
    <section
      className="panel personal-note"
      data-testid="personal-note"
      aria-labelledby="note-heading"
    >
      <h2 id="note-heading">{t('annotations.notesTitle')}</h2>
      <select
        value={itemId}
        aria-label={t('annotations.notesItem')}
        data-testid="personal-note-item"
        onChange={(e) => setPicked(e.target.value)}
      >
        {entries.map((e) => (
          <option key={e.item.id} value={e.item.id}>
            {e.number}. {e.item.title}
          </option>
        ))}
      </select>
      <NoteEditor key={itemId} {...props} itemId={itemId} />
    </section>
  );
}

function NoteEditor({ meeting, userId, itemId, send }: Props & { itemId: string }) {
  const { t } = useTranslation();
  const refused = useRefusalNotice();
  const saved = meeting.notes[userId]?.[itemId]?.text ?? '';
  const [draft, setDraft] = useState(saved);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const title = meeting.agenda.items[itemId]?.title ?? '';

  // a note saved on another device shows here, unless one is typing
  useEffect(() => {
    if (!dirty.current) setDraft(saved);
  }, [saved]);

  const save = (text: string): void => {
    clearTimeout(timer.current);
    timer.current = undefined;
    setState('saving');
    const command = { type: 'note.save', payload: { itemId, text } } as const;
    const known = meeting;
    void send(command).then((ack) => {
      if (timer.current) return; // typed on since: the next save says
      dirty.current = false;
      if (ack.ok) setState('saved');
      else {
        setState('idle');
        refused(command, ack.error, { now: null, known });
      }
    });
  };
  // leaving the item (or the screen) saves what was typed
  const latest = useRef({ draft, save });
  useEffect(() => {
    latest.current = { draft, save };
  });
  useEffect(
    () => () => {
      if (timer.current) latest.current.save(latest.current.draft);
    },
    [itemId],
  );

  return (
    <>
      <textarea
        value={draft}
        rows={4}
        maxLength={5000}
        aria-label={t('annotations.notesLabel', { title })}
        placeholder={t('annotations.notesHint')}
        data-testid="personal-note-text"
        onChange={(e) => {
          const text = e.target.value;
          dirty.current = true;
          setDraft(text);
          setState('idle');
          clearTimeout(timer.current);
          timer.current = setTimeout(() => save(text), SAVE_AFTER_MS);
        }}
        onBlur={() => timer.current && save(draft)}
      />
      <p className="personal-note-status" aria-live="polite" data-testid="personal-note-status">
        {state === 'saving'
          ? t('annotations.notesSaving')
          : state === 'saved'
            ? t('annotations.notesSaved')
            : t('annotations.notesHint')}
      </p>
    </>
  );
}
