import { sharedDatabase } from "@/db";
import { dashboardVersion, findDashboard } from "@/lib/accounts/dashboard";
import { currentAccount } from "@/lib/auth/web-session";

/** The "Your events" page's fingerprint, for the signed-in staff member only. */
export async function GET() {
  const account = await currentAccount();
  if (!account) return new Response(null, { status: 401 });
  const version = dashboardVersion(await findDashboard((await sharedDatabase()).read, account.id));
  return new Response(version, { headers: { "content-type": "text/plain", "cache-control": "no-store" } });
}
