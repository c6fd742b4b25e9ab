import { cookies, headers } from "next/headers";
import { type NextRequest, NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { safeNextPath } from "@/lib/accounts/next-path";
import { sessionSecret } from "@/lib/auth/web-session";
import { sharedLogger } from "@/lib/observability/logger";
import { publicBaseUrl } from "@/lib/server/public-url";
import { flowCookie, flowLifetimeMs, sealFlow } from "@/lib/sso/flow-state";
import { authorizationRequest } from "@/lib/sso/oidc-client";
import { ssoSettings } from "@/lib/sso/settings";

/**
 * Starts a sign-in with the council's identity provider: remembers state, nonce and PKCE
 * verifier in a signed cookie and sends the browser to the provider.
 * `?invite=<token>` accepts that invitation on the way back; `?setup=1` makes the first organiser.
 */
export async function GET(request: NextRequest) {
  const settings = ssoSettings();
  if (!settings) return new NextResponse((await getTranslations("account.sso"))("notConfigured"), { status: 404 });
  const params = request.nextUrl.searchParams;
  const base = await publicBaseUrl();
  const invite = params.get("invite") ?? undefined;
  try {
    const started = await authorizationRequest(settings, `${base}/signin/sso/callback`);
    const sealed = sealFlow(
      {
        state: started.state,
        nonce: started.nonce,
        verifier: started.verifier,
        next: safeNextPath(params.get("next")),
        invite: invite && invite.length <= 200 ? invite : undefined,
        setup: params.get("setup") === "1" || undefined,
        expiresAt: Date.now() + flowLifetimeMs,
      },
      sessionSecret(),
    );
    (await cookies()).set(flowCookie, sealed, {
      httpOnly: true,
      // Lax: the provider sends the browser back with a top-level GET from its own site.
      sameSite: "lax",
      secure: base.startsWith("https:"),
      path: "/signin/sso",
      maxAge: flowLifetimeMs / 1000,
    });
    return NextResponse.redirect(started.url, 303);
  } catch (error) {
    const reqId = (await headers()).get("x-request-id") ?? undefined;
    sharedLogger().error({ err: error, reqId, issuer: settings.issuer }, "sso: provider unreachable");
    return NextResponse.redirect(`${base}/signin?sso=failed`, 303);
  }
}
