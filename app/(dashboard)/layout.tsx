import Image from "next/image";
import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { focusRing } from "@/app/_components/button";
import { getSessionUser } from "@/lib/auth/session";
import { SignOutButton } from "./_components/sign-out-button";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  return (
    <>
      <header className="border-b border-zinc-200 bg-white">
        <div className="mx-auto flex min-h-14 max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-2">
          <Link
            href="/tenants"
            className={`flex shrink-0 items-center gap-2 rounded font-semibold tracking-tight text-zinc-900 ${focusRing}`}
          >
            <Image src="/logo.svg" alt="" width={28} height={28} />
            ZAK Broker
          </Link>
          <nav aria-label="Dashboard" className="flex items-center gap-4 text-sm">
            <Link
              href="/tenants"
              className={`rounded text-zinc-700 hover:text-zinc-900 ${focusRing}`}
            >
              Tenants
            </Link>
            <Link
              href="/api-keys"
              className={`rounded text-zinc-700 hover:text-zinc-900 ${focusRing}`}
            >
              API keys
            </Link>
            <a
              href="/docs/api"
              className={`rounded text-zinc-700 hover:text-zinc-900 ${focusRing}`}
            >
              API docs
            </a>
          </nav>
          <div className="flex min-w-0 items-center gap-2">
            <span
              className="truncate text-sm text-zinc-600"
              data-testid="user-email"
              title={user.email}
            >
              {user.email}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-5xl px-4 py-8">{children}</main>
    </>
  );
}
