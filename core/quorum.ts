// Quorum: how many members must attend, and whether they do.
import type { MeetingState, Quorum } from './model.ts';

/** Members who count towards the quorum: participants who may vote. */
export function memberIds(state: MeetingState): string[] {
  return Object.values(state.participants)
    .filter((p) => p.role === 'delegate' || p.role === 'chair')
    .map((p) => p.userId);
}

export function requiredForQuorum(quorum: Quorum, members: number): number {
  if (quorum.kind === 'count') return quorum.value;
  // "more than half" is 0.5 → floor(n/2)+1; other fractions round up.
  if (quorum.value === 0.5) return Math.floor(members / 2) + 1;
  return Math.ceil(members * quorum.value - 1e-9);
}

export interface QuorumStatus {
  members: number;
  attending: number;
  required: number;
  met: boolean;
}

export function quorumStatus(state: MeetingState): QuorumStatus {
  const ids = memberIds(state);
  const attending = ids.filter((id) => {
    const a = state.attendance[id];
    return a !== undefined && a.status !== 'absent';
  }).length;
  const required = requiredForQuorum(state.quorum, ids.length);
  return { members: ids.length, attending, required, met: ids.length > 0 && attending >= required };
}
