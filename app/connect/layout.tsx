import type { Metadata } from "next";
import type { ReactNode } from "react";

export const metadata: Metadata = {
  title: "Connect Zoom",
  // A link's page is for the one person it was sent to.
  robots: { index: false, follow: false },
};

/** The end user's pages of a connect link: no dashboard chrome, no sign-in. */
export default function ConnectLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-[80vh] flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-lg">{children}</div>
    </main>
  );
}
