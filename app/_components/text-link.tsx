import Link from "next/link";
import type { ReactNode } from "react";
import { focusRing } from "./button";

export function TextLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link
      href={href}
      className={`rounded font-medium text-indigo-700 hover:text-indigo-600 hover:underline ${focusRing}`}
    >
      {children}
    </Link>
  );
}
