import "server-only";
import * as client from "openid-client";
import type { SsoSettings } from "./settings";

const key = Symbol.for("madein.oidcConfigurations");
type WithConfigs = typeof globalThis & { [key]?: Map<string, Promise<client.Configuration>> };

/** Plain http is accepted only for a provider on this machine (tests, a local Keycloak). */
function isLoopback(issuer: URL) {
  return ["127.0.0.1", "localhost", "[::1]"].includes(issuer.hostname);
}

/**
 * The provider's configuration from its discovery document, fetched once per process (and
 * again after a failure, so a provider that was down at start is picked up when it is back).
 */
function oidcConfiguration(settings: SsoSettings): Promise<client.Configuration> {
  const g = globalThis as WithConfigs;
  g[key] ??= new Map();
  const cacheKey = `${settings.issuer} ${settings.clientId}`;
  let config = g[key].get(cacheKey);
  if (!config) {
    const issuer = new URL(settings.issuer);
    const insecure = issuer.protocol === "http:" && isLoopback(issuer);
    config = client.discovery(
      issuer,
      settings.clientId,
      undefined,
      settings.clientSecret ? client.ClientSecretPost(settings.clientSecret) : client.None(),
      insecure ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
    );
    const configs = g[key];
    configs.set(cacheKey, config);
    config.catch(() => configs.delete(cacheKey));
  }
  return config;
}

export async function authorizationRequest(settings: SsoSettings, redirectUri: string) {
  const config = await oidcConfiguration(settings);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: "openid email profile",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
  });
  return { url, verifier, state, nonce };
}

/** Exchanges the code (checking state, nonce, PKCE and the ID token) and returns its claims. */
export async function finishAuthorization(
  settings: SsoSettings,
  callbackUrl: URL,
  checks: { verifier: string; state: string; nonce: string },
) {
  const config = await oidcConfiguration(settings);
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: checks.verifier,
    expectedState: checks.state,
    expectedNonce: checks.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) return {};
  // Some providers put the email only in the userinfo answer, not in the ID token.
  if (claims.email === undefined) {
    const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
    return { ...info, ...claims };
  }
  return claims;
}
