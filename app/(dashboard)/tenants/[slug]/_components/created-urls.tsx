"use client";

import { createContext, useContext, useState, type ReactNode } from "react";
import type { CreatedUrlSecretView } from "@/lib/views/url-secrets";

interface CreatedUrls {
  /** Token URLs created on this page, newest first; kept in memory only, gone on reload. */
  created: CreatedUrlSecretView[];
  add: (secret: CreatedUrlSecretView) => void;
}

const Context = createContext<CreatedUrls>({ created: [], add: () => undefined });

/** Lets the integration guides fill in a URL just created, the only time its secret is known. */
export function CreatedUrlsProvider({ children }: { children: ReactNode }) {
  const [created, setCreated] = useState<CreatedUrlSecretView[]>([]);
  const add = (secret: CreatedUrlSecretView) => setCreated((list) => [secret, ...list]);
  return <Context value={{ created, add }}>{children}</Context>;
}

export const useCreatedUrls = () => useContext(Context);
