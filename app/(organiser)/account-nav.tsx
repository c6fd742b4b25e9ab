import Link from "next/link";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { LanguagePicker } from "@/app/ui/language-picker";
import { currentAccount } from "@/lib/auth/web-session";
import { signOut } from "./signin/actions";

/** The header's right-hand side: who is signed in and a way out, or a way in. */
export async function AccountNav() {
  await connection();
  const account = await currentAccount();
  const t = await getTranslations("ui.account");
  if (!account) {
    return (
      <>
        <LanguagePicker variant="menu" />
        <Link href="/signin" className="link">
          {t("signIn")}
        </Link>
      </>
    );
  }
  return (
    <>
      <LanguagePicker variant="menu" />
      <Link href="/o" className="link">
        {t("yourEvents")}
      </Link>
      <span className="hidden text-ink-soft md:inline" title={account.email}>
        {account.name}
      </span>
      {/* A form, not a link: signing out changes state, so it is a POST a crawler cannot trigger. */}
      <form action={signOut}>
        <button type="submit" className="rounded-lg px-3 py-2 font-semibold text-ink hover:bg-paper">
          {t("signOut")}
        </button>
      </form>
    </>
  );
}
