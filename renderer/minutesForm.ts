// The secretary's minutes form: what is being edited, how a section's text becomes an override
// (only when it differs from the generated text), and the `minutes.save` command it sends.
import {
  draftMinutes,
  sectionText,
  type ClientCommand,
  type MeetingMinutes,
  type MeetingState,
  type MinutesLanguage,
  type MinutesTask,
} from '../core/index.ts';

export interface MinutesForm {
  organisation: string;
  number: string;
  city: string;
  sections: Record<MinutesLanguage, Record<string, string>>;
  conclusions: string;
  tasks: MinutesTask[];
  final: boolean;
}

export function formFrom(minutes: MeetingMinutes | null): MinutesForm {
  return {
    organisation: minutes?.organisation ?? '',
    number: minutes?.number ?? '',
    city: minutes?.city ?? '',
    sections: {
      vi: { ...(minutes?.sections.vi ?? {}) },
      en: { ...(minutes?.sections.en ?? {}) },
    },
    conclusions: minutes?.conclusions ?? '',
    tasks: (minutes?.tasks ?? []).map((t) => ({ ...t })),
    final: minutes?.final ?? false,
  };
}

/** The generated text of each rewritable section, without the secretary's edits. */
export function generatedTexts(meeting: MeetingState, lang: MinutesLanguage) {
  return draftMinutes(meeting, lang, { withEdits: false }).sections.flatMap((s) =>
    s.key === null ? [] : [{ key: s.key, heading: s.heading, text: sectionText(s) }],
  );
}

/** The form with one section's text set: an override only when it differs from the generated. */
export function withSectionText(
  form: MinutesForm,
  lang: MinutesLanguage,
  key: string,
  text: string,
  generated: string,
): MinutesForm {
  const texts = { ...form.sections[lang] };
  if (text.trim() === generated.trim()) delete texts[key];
  else texts[key] = text;
  return { ...form, sections: { ...form.sections, [lang]: texts } };
}

export function saveCommand(form: MinutesForm, baseVersion: number): ClientCommand {
  return {
    type: 'minutes.save',
    payload: {
      baseVersion,
      organisation: form.organisation.trim(),
      number: form.number.trim(),
      city: form.city.trim(),
      sections: form.sections,
      conclusions: form.conclusions,
      tasks: form.tasks
        .filter((t) => t.title.trim() !== '')
        .map((t) => ({
          ...t,
          title: t.title.trim(),
          ownerName: t.ownerId ? '' : t.ownerName.trim(),
          due: t.due || null,
        })),
      final: form.final,
    },
  };
}

/** Whether the form says something other than the saved minutes. */
export function isDirty(form: MinutesForm, minutes: MeetingMinutes | null): boolean {
  const norm = (f: MinutesForm) => JSON.stringify(saveCommand(f, 0));
  return norm(form) !== norm(formFrom(minutes));
}

let taskCounter = 0;

export function newTask(): MinutesTask {
  taskCounter += 1;
  const id = `t${Date.now().toString(36)}${taskCounter}`;
  return { id, title: '', ownerId: null, ownerName: '', due: null };
}
