import { z } from "zod";

const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{1,38}[a-z0-9])$/;

export const slugSchema = z
  .string()
  .trim()
  .regex(
    SLUG_PATTERN,
    "must be 3-40 lowercase letters, digits or hyphens, not starting or ending with a hyphen",
  );

/** A URL-safe slug from a display name ("Acme Sales" → "acme-sales"), or null if nothing usable remains. */
export function slugify(name: string): string | null {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return SLUG_PATTERN.test(slug) ? slug : null;
}
