import { CronTime } from 'cron';

/**
 * When a cron expression next fires after `after`, in the server's time zone as the
 * scheduler reads it; null for an expression the cron package cannot read.
 */
export function nextCronTime(cron: string, after: Date): Date | null {
  try {
    return new CronTime(cron).getNextDateFrom(after).toJSDate();
  } catch {
    return null;
  }
}
