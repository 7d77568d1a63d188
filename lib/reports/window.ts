import { isIsoDate, type IsoDate } from "@/lib/attendance";

/** A report window: both days inclusive. */
export type DateWindow = { from: IsoDate; to: IsoDate };

/** Throws a RangeError (the same messages as lib/attendance's computeReport) for a window that is not one. */
export function assertWindow(window: DateWindow): void {
  if (!isIsoDate(window.from) || !isIsoDate(window.to)) throw new RangeError("Report dates must be YYYY-MM-DD");
  if (window.from > window.to) throw new RangeError("The start of a report window must not be after its end");
}
