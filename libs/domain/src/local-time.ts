/** China has kept UTC+8 all year since 1991: Asia/Shanghai local time is a fixed offset, no time-zone database needed. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An instant (ISO 8601 with its offset) as Asia/Shanghai local time to the minute: "2020-07-07T06:05:00Z" → "2020-07-07 14:05". */
export function shanghaiTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The first instant of an Asia/Shanghai calendar day, as a UTC ISO string: "2020-07-07" → "2020-07-06T16:00:00.000Z". */
export function shanghaiDayStart(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS).toISOString();
}
