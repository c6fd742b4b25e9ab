"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { sayDeviceLabel } from "@/lib/participants/device-label";
import { useConnection } from "@/lib/realtime/client/react";

/**
 * A personal link was just used on another device: this one says so, with the way to sign that
 * device out if it wasn't them (a forwarded link makes anyone the person).
 */
export function DeviceNotice({ slug }: { slug: string }) {
  const t = useTranslations("live.deviceNotice");
  const c = useConnection();
  const [label, setLabel] = useState<string | null>(null);
  useEffect(() => {
    if (!c) return;
    const onSignedIn = ({ label }: { label: string }) => setLabel(label);
    c.socket.on("device:signed-in", onSignedIn);
    return () => void c.socket.off("device:signed-in", onSignedIn);
  }, [c]);
  if (!label) return null;
  return (
    <div role="alert" className="space-y-2 rounded-xl bg-note-orange p-4" data-testid="device-notice">
      <p className="font-semibold">{t("signedIn", { device: sayDeviceLabel(label, (key, values) => t(key, values)) })}</p>
      <p>
        {t.rich("notYou", {
          link: (chunks) => (
            <Link href={`/p/${slug}/device`} className="link font-semibold">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <button type="button" className="btn btn-secondary min-h-11 py-2 text-sm" onClick={() => setLabel(null)}>
        {t("itWasMe")}
      </button>
    </div>
  );
}
