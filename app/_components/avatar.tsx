"use client";

import { useState } from "react";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((p) => p?.[0]?.toUpperCase() ?? "").join("") || "?";
}

/** A round picture, or the person's initials when there is none or it fails to load. */
export function Avatar({ name, src }: { name: string; src: string | null }) {
  const [failed, setFailed] = useState(false);
  const box = "size-12 shrink-0 rounded-full";
  if (src && !failed) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- a remote Zoom avatar whose host is not known at build time
      <img
        src={src}
        alt=""
        referrerPolicy="no-referrer"
        onError={() => setFailed(true)}
        className={`${box} bg-zinc-100 object-cover`}
      />
    );
  }
  return (
    <span
      aria-hidden="true"
      className={`${box} flex items-center justify-center bg-indigo-100 text-sm font-semibold text-indigo-800`}
    >
      {initials(name)}
    </span>
  );
}
