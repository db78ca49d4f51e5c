import { Badge, type Tone } from "@/app/_components/badge";

function toneFor(status: number): Tone {
  if (status >= 200 && status < 300) return "success";
  if (status >= 500) return "danger";
  return "warning";
}

/** A token request's outcome ("zoom_unavailable" → "zoom unavailable"), coloured by its HTTP status. */
export function OutcomeBadge({ outcome, status }: { outcome: string; status: number }) {
  return <Badge tone={toneFor(status)}>{outcome.replaceAll("_", " ")}</Badge>;
}
