import Link from "next/link";
import type { ReactNode } from "react";
import { focusRing } from "@/app/_components/button";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-[80vh] flex-col items-center justify-center px-4 py-12">
      <Link
        href="/"
        className={`mb-8 rounded text-lg font-semibold tracking-tight text-zinc-900 ${focusRing}`}
      >
        ZAK Broker
      </Link>
      <div className="w-full max-w-sm">{children}</div>
    </main>
  );
}
