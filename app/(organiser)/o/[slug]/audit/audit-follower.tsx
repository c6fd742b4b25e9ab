"use client";

import { useStaffRoom } from "@/lib/realtime/client/react";
import { useRefresh, useRefreshOnNews, useRefreshOnSignal } from "@/lib/realtime/client/refresh";

/**
 * The audit log is drawn by the server (it is the record a data protection officer reads), so it
 * follows the event by being drawn again: when staff's use of personal data is recorded
 * (`event:audited`: the people list opened, an export downloaded, someone removed, the privacy
 * settings saved, the retention sweep) and when the event's staff change (someone joining the
 * staff is an entry too). `drawnSeq`: the staff room's sequence number, read before the log.
 */
export function AuditFollower({ drawnSeq }: { drawnSeq: number }) {
  const refresh = useRefresh();
  useRefreshOnSignal("event:audited", refresh);
  const { staff, seq } = useStaffRoom();
  useRefreshOnNews({ state: staff, seq }, drawnSeq, refresh);
  return null;
}
