import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getConfig } from "@/lib/config";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: "ZAK Broker",
  description: "Signed-in Zoom meeting bots: a ZAK URL per tenant",
  referrer: "no-referrer",
  icons: {
    icon: [
      { url: "/favicon.ico", sizes: "48x48" },
      { url: "/logo.svg", type: "image/svg+xml" },
    ],
    apple: "/apple-touch-icon.png",
  },
};

export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
  const demo = getConfig().zoom.demo;
  return (
    <html lang="en">
      <body className="min-h-screen">
        {demo && (
          <div
            role="status"
            className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-900"
            data-testid="demo-banner"
          >
            Demo mode: Zoom is emulated by this app. No real Zoom account is connected.
          </div>
        )}
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
