import { z } from "zod";

const unsetIfEmpty = (v: unknown) => (v === "" ? undefined : v); // `X=` in a .env file means "not set"
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unsetIfEmpty, schema.optional());

/** A whole number in a range, said as such when it is not (zod alone says "expected number, received NaN"). */
export function wholeNumber(min: number, max: number) {
  const must = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error: must }).int(must).min(min, must).max(max, must);
}

/**
 * Where METRICS_PORT listens unless METRICS_HOST says otherwise: this machine only. Its port
 * needs no token, so a default of every interface would hand the metrics to whoever reaches the
 * server; a Prometheus elsewhere is an explicit choice of the monitoring network's address.
 */
export const metricsHostDefault = "127.0.0.1";

/** How the service is run and watched (docs/deploy/README.md). Every variable is optional. */
export const operationsSchema = z.object({
  // fatal, error, warn, info, debug or trace. Default: info in production, debug otherwise.
  // Socket commands are logged at debug, so production does not pay for them unless asked.
  LOG_LEVEL: optional(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])),
  // json (one object a line, for journald/Loki/ELK) or pretty (for a terminal; needs the
  // devDependency pino-pretty). Default: pretty in development when installed, json otherwise.
  LOG_FORMAT: optional(z.enum(["json", "pretty"])),
  // /metrics answers only with `Authorization: Bearer <METRICS_TOKEN>`.
  METRICS_TOKEN: optional(z.string().min(16, "must be at least 16 characters")),
  // Or: serve /metrics (and /healthz, /readyz) on a separate port, e.g. one only the monitoring
  // network reaches. With neither set, /metrics is off.
  METRICS_PORT: optional(wholeNumber(0, 65535)),
  // The address METRICS_PORT listens on; default metricsHostDefault.
  METRICS_HOST: optional(z.string()),
  // On SIGTERM, /readyz answers 503 for this many seconds while the app keeps serving, so a
  // load balancer stops sending new people here before the sockets are closed. Default 0.
  DRAIN_SECONDS: optional(
    z.coerce
      .number({ error: "must be a number of seconds from 0 to 300" })
      .min(0, "must be a number of seconds from 0 to 300")
      .max(300, "must be a number of seconds from 0 to 300"),
  ),
  // How many page requests from one address may wait for their turn at rendering; past it that
  // address's pages are answered 503 with Retry-After. Default 400 (renderLimits.addressLine): a
  // venue of 300 phones behind one router. Raise it for a bigger venue behind one address (at most
  // 2,000: the process holds no more waiting, renderLimits.waiting).
  PAGE_LINE_PER_ADDRESS: optional(wholeNumber(10, 2_000)),
});

/** Staff single sign-on with OpenID Connect (README "Staff sign-in"). */
export const ssoSchema = z.object({
  // The identity provider's issuer URL (Entra ID: https://login.microsoftonline.com/<tenant>/v2.0,
  // Google: https://accounts.google.com, Keycloak: https://<host>/realms/<realm>). Unset: no SSO.
  OIDC_ISSUER: optional(z.url()),
  OIDC_CLIENT_ID: optional(z.string().min(1)),
  OIDC_CLIENT_SECRET: optional(z.string().min(1)),
  // The provider's name on the sign-in button: "Sign in with <OIDC_NAME>".
  OIDC_NAME: optional(z.string().trim().min(1).max(60)),
  // Comma-separated email domains (e.g. "lambeth.gov.uk,partner.org.uk") whose people may sign in
  // with SSO and have an account made for them when they accept an invitation.
  OIDC_ALLOWED_DOMAINS: optional(z.string()),
  // "off" removes the email-and-password form: staff sign in only through the provider.
  PASSWORD_SIGN_IN: optional(z.enum(["on", "off"])),
  // How long a session the provider vouched for lasts before the provider is asked again.
  OIDC_SESSION_HOURS: optional(wholeNumber(1, 720)),
});

export type SsoEnv = z.infer<typeof ssoSchema>;

/** The settings a staff page needs, read from the environment Next sees (set by server.ts). */
export function readSsoEnv(source: NodeJS.ProcessEnv = process.env): SsoEnv {
  const parsed = ssoSchema.safeParse(source);
  return parsed.success ? parsed.data : {};
}
