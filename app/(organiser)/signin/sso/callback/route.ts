import { cookies, headers } from "next/headers";
import { type NextRequest, NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { safeNextPath } from "@/lib/accounts/next-path";
import { sessionSecret, startAccountSession } from "@/lib/auth/web-session";
import { sharedLogger } from "@/lib/observability/logger";
import { publicBaseUrl } from "@/lib/server/public-url";
import { sharedRealtime } from "@/lib/server/shared-realtime";
import { completeSsoSignIn } from "@/lib/sso/complete-sign-in";
import { flowCookie, openFlow } from "@/lib/sso/flow-state";
import { finishAuthorization } from "@/lib/sso/oidc-client";
import { ssoSettings } from "@/lib/sso/settings";

/** The provider sends the browser back here with a code; we check it and start a session. */
export async function GET(request: NextRequest) {
  const settings = ssoSettings();
  if (!settings) return new NextResponse((await getTranslations("account.sso"))("notConfigured"), { status: 404 });
  const base = await publicBaseUrl();
  const jar = await cookies();
  const flow = openFlow(jar.get(flowCookie)?.value, sessionSecret());
  jar.delete({ name: flowCookie, path: "/signin/sso" });
  const log = sharedLogger().child({ reqId: (await headers()).get("x-request-id") ?? undefined, route: "/signin/sso/callback" });
  const refuse = (reason: string) => NextResponse.redirect(`${base}/signin?sso=${reason}`, 303);
  if (!flow) {
    log.info({ outcome: "no_flow" }, "sso sign-in refused");
    return refuse("failed");
  }
  // The callback URL as registered with the provider, with the parameters it sent back.
  const callbackUrl = new URL(`${base}/signin/sso/callback`);
  callbackUrl.search = request.nextUrl.search;

  let claims: Record<string, unknown>;
  try {
    claims = await finishAuthorization(settings, callbackUrl, flow);
  } catch (error) {
    // The provider's error (e.g. access_denied) or a failed check; never the token itself.
    log.info({ outcome: "provider_error", err: error }, "sso sign-in refused");
    return refuse("failed");
  }
  const outcome = await completeSsoSignIn(await sharedDatabase(), {
    claims,
    allowedDomains: settings.allowedDomains,
    inviteToken: flow.invite,
    setup: flow.setup,
  });
  if (!outcome.ok) {
    log.info({ outcome: outcome.reason }, "sso sign-in refused");
    return refuse(outcome.reason);
  }
  if (outcome.broadcasts) sharedRealtime()?.emitBroadcasts(outcome.broadcasts);
  await startAccountSession(outcome.accountId, "provider");
  log.info({ outcome: "ok", accountId: outcome.accountId }, "sso sign-in");
  const next = outcome.landing ?? safeNextPath(flow.next);
  return NextResponse.redirect(`${base}${next}`, 303);
}
