"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { SessionProvider } from "next-auth/react";
import { useState, type ReactNode } from "react";
import { ApiRequestError } from "@/lib/hooks/api-client";

// A 4xx (signed out, forbidden, gone) will not change on retry; network errors and 5xx get one more try.
function retryUnlessClientError(failures: number, error: Error): boolean {
  return failures < 1 && !(error instanceof ApiRequestError && error.status < 500);
}

export function Providers({ children }: { children: ReactNode }) {
  // One client per browser tab; created in state so a re-render never drops the cache.
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 30_000, retry: retryUnlessClientError } },
      }),
  );
  return (
    <SessionProvider>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </SessionProvider>
  );
}
