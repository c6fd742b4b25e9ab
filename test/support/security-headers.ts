/** The headers every response must carry (lib/server/security-headers.ts), as one assertion. */

export function securityHeaderProblems(
  get: (name: string) => string | null | undefined,
  options: { https: boolean; dev?: boolean },
) {
  const problems: string[] = [];
  const csp = get("content-security-policy") ?? "";
  const directive = (name: string) =>
    csp
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith(`${name} `)) ?? "";
  if (!csp) problems.push("no Content-Security-Policy");
  if (!options.dev && csp.includes("'unsafe-eval'")) problems.push("CSP allows 'unsafe-eval'");
  if (directive("object-src") !== "object-src 'none'") problems.push("object-src is not 'none'");
  if (!/^frame-ancestors '(none|self)'$/.test(directive("frame-ancestors"))) problems.push("frame-ancestors missing");
  if (/'unsafe-inline'/.test(directive("script-src"))) problems.push("script-src allows 'unsafe-inline'");
  // Scripts by nonce only, or none at all (a file's own policy: default-src 'none').
  const noScripts = !directive("script-src") && directive("default-src") === "default-src 'none'";
  if (!noScripts && !/'nonce-[A-Za-z0-9+/=]+'/.test(directive("script-src"))) problems.push("script-src has no nonce");
  if (get("x-content-type-options") !== "nosniff") problems.push("no nosniff");
  if (!get("referrer-policy")) problems.push("no Referrer-Policy");
  const hsts = get("strict-transport-security");
  if (options.https && !hsts?.includes("max-age=")) problems.push("no HSTS over HTTPS");
  if (!options.https && hsts) problems.push("HSTS over plain HTTP");
  return problems;
}
