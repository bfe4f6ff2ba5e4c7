// How long until a deadline, in whole days, hours and minutes (for "còn 1 ngày 3 giờ").
export interface TimeLeft {
  days: number;
  hours: number;
  minutes: number;
}

/** Null once the deadline has passed; minutes are rounded up so "0 minutes" never shows early. */
export function timeLeft(deadline: string, nowMs: number): TimeLeft | null {
  const ms = Date.parse(deadline) - nowMs;
  if (!(ms > 0)) return null;
  const totalMinutes = Math.ceil(ms / 60_000);
  return {
    days: Math.floor(totalMinutes / 1440),
    hours: Math.floor((totalMinutes % 1440) / 60),
    minutes: totalMinutes % 60,
  };
}
