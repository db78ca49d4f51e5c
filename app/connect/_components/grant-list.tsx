import { KIND_LABELS, TOKEN_KINDS, type TokenKind } from "@/lib/zak/kinds";

// What each token kind lets the tenant's bots do, in the end user's terms.
const WHAT_IT_ALLOWS: Record<TokenKind, string> = {
  zak: "join Zoom meetings signed in as you",
  obf: "join meetings on your behalf (only while you are in the meeting)",
  join_token: "record your meetings locally, where you allow local recording",
  access_token: "call Zoom's API as you, within what you allow on the next page",
};

/** The short-lived tokens the tenant will be able to fetch for this Zoom user. */
export function GrantList() {
  return (
    <ul className="list-disc space-y-1 pl-5" aria-label="What you allow">
      {TOKEN_KINDS.map((kind) => (
        <li key={kind}>
          <span className="font-medium text-zinc-900">{KIND_LABELS[kind]}</span>: lets its bots{" "}
          {WHAT_IT_ALLOWS[kind]}
        </li>
      ))}
    </ul>
  );
}
