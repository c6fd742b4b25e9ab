import { createServer, type Server } from "node:http";
import Provider from "oidc-provider";
import { e2ePort } from "./config";

export type TestProvider = { issuer: string; clientId: string; clientSecret: string; stop(): Promise<void> };

/**
 * A real, certified OpenID Provider (the `oidc-provider` package) on 127.0.0.1, with its
 * development sign-in pages: any login is accepted, and the login typed becomes the account's
 * verified email. Stands in for Entra ID, Google Workspace or Keycloak.
 */
export async function startOidcProvider(offset: number, redirectUris: string[]): Promise<TestProvider> {
  const port = e2ePort + offset;
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "made-in-e2e";
  const clientSecret = "made-in-e2e-client-secret-0123456789";
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: id, email: id, email_verified: true, name: `Test ${id.split("@")[0]}` }),
    }),
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["made-in-e2e-cookie-key-0123456789"] },
  });
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
