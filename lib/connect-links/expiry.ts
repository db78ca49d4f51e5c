// How long a connect link stays open: shared by the API's validation and the dashboard's choices.

export const LINK_TTL_MIN_SECONDS = 5 * 60;
export const LINK_TTL_MAX_SECONDS = 30 * 24 * 3600;
export const LINK_TTL_DEFAULT_SECONDS = 24 * 3600;

/** The dashboard's expiry choices (the API takes any whole number of seconds within the bounds). */
export const LINK_TTL_CHOICES: readonly { seconds: number; label: string }[] = [
  { seconds: 3600, label: "1 hour" },
  { seconds: LINK_TTL_DEFAULT_SECONDS, label: "24 hours" },
  { seconds: 7 * 24 * 3600, label: "7 days" },
  { seconds: LINK_TTL_MAX_SECONDS, label: "30 days" },
];
