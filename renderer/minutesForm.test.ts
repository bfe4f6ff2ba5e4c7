import { describe, expect, it } from 'vitest';
import { ClientCommandSchema } from '../core/index.ts';
import { sampleMeeting } from '../core/test-support.ts';
import {
  formFrom,
  generatedTexts,
  isDirty,
  newTask,
  saveCommand,
  withSectionText,
} from './minutesForm.ts';

describe('the minutes form', () => {
  it('stores a section only when the secretary changed its generated text', () => {
    const meeting = sampleMeeting();
    const opening = generatedTexts(meeting, 'vi').find((s) => s.key === 'opening')!;
    expect(opening.text).toContain('Địa điểm: Phòng họp 1.');
    let form = formFrom(null);
    form = withSectionText(form, 'vi', 'opening', `${opening.text}\nBổ sung.`, opening.text);
    expect(form.sections.vi.opening).toContain('Bổ sung.');
    expect(isDirty(form, null)).toBe(true);
    form = withSectionText(form, 'vi', 'opening', opening.text, opening.text);
    expect(form.sections.vi).toEqual({});
    expect(isDirty(form, null)).toBe(false);
  });

  it('sends a save the server accepts, dropping empty tasks', () => {
    const form = formFrom(null);
    const task = {
      ...newTask(),
      title: ' Gửi biên bản ',
      ownerName: 'Văn phòng',
      due: '2026-12-01',
    };
    const command = saveCommand({ ...form, tasks: [task, newTask()] }, 3);
    const parsed = ClientCommandSchema.parse(command);
    expect(parsed).toMatchObject({
      type: 'minutes.save',
      payload: { baseVersion: 3, tasks: [{ title: 'Gửi biên bản', ownerName: 'Văn phòng' }] },
    });
  });
});
