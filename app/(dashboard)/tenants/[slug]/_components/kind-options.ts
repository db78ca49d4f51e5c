import { KIND_LABELS, TOKEN_KINDS, type TokenKind } from "@/lib/zak/kinds";

/** The token kinds as `<select>` options. */
export const KIND_OPTIONS = TOKEN_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }));

/** Narrows a form value to a token kind. */
export const isTokenKind = (value: unknown): value is TokenKind =>
  TOKEN_KINDS.some((kind) => kind === value);
