"use client";

import { useSyncExternalStore } from "react";

const TICK_MS = 15_000;
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time, shared by every caller and ticking every 15 s; null while server-rendering and hydrating. */
function useNow(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => null,
  );
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

function formatRelative(iso: string, nowMs: number): string {
  const seconds = Math.round((new Date(iso).getTime() - nowMs) / 1000);
  // The shared clock can lag by up to one tick, so a time that just happened may look slightly ahead.
  if (seconds > -45 && seconds <= TICK_MS / 1000) return "just now";
  if (seconds > 0 && seconds < 45) return "in a few seconds";
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(Math.round(seconds / 60), "minute");
}

interface RelativeTimeProps {
  value: string | null;
  /** Shown when there is no time, e.g. "Never". */
  fallback?: string;
}

/** "3 minutes ago", with the exact local time on hover. Renders a stable UTC time until hydrated. */
export function RelativeTime({ value, fallback = "—" }: RelativeTimeProps) {
  const nowMs = useNow();
  if (!value) return <span>{fallback}</span>;
  const exact =
    nowMs === null
      ? `${value.slice(0, 16).replace("T", " ")} UTC`
      : new Date(value).toLocaleString();
  return (
    <time dateTime={value} title={exact}>
      {nowMs === null ? exact : formatRelative(value, nowMs)}
    </time>
  );
}
