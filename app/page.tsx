import Image from "next/image";
import Link from "next/link";
import { redirect } from "next/navigation";
import { buttonClass } from "@/app/_components/button";
import { getSessionUser } from "@/lib/auth/session";

const STEPS = [
  {
    title: "Connect Zoom",
    body: "Sign in to Zoom once per tenant. We keep the grant encrypted and refresh it for you.",
  },
  { title: "Create a ZAK URL", body: "A secret URL per bot integration, revocable at any time." },
  {
    title: "Give it to your bot",
    body: "Recall.ai fetches a fresh ZAK from it right before joining, signed in as your Zoom user.",
  },
];

export default async function HomePage() {
  if (await getSessionUser()) redirect("/tenants");
  return (
    <main className="mx-auto flex max-w-3xl flex-col px-4 py-16 sm:py-24">
      <p className="flex items-center gap-3 text-sm font-semibold text-indigo-700">
        <Image src="/logo.svg" alt="" width={40} height={40} priority />
        ZAK Broker
      </p>
      <h1 className="mt-3 text-3xl font-semibold tracking-tight text-balance text-zinc-900 sm:text-4xl">
        Meeting bots that join Zoom as a real, signed-in user
      </h1>
      <p className="mt-4 max-w-2xl text-base text-zinc-600">
        Connect a Zoom account, get a ZAK URL and hand it to your Recall.ai bot. Every join gets a
        fresh ZAK; your Zoom tokens never leave our servers.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Link href="/sign-up" className={buttonClass("primary")}>
          Sign up
        </Link>
        <Link href="/sign-in" className={buttonClass("secondary")}>
          Sign in
        </Link>
      </div>
      <ol className="mt-14 grid gap-4 sm:grid-cols-3">
        {STEPS.map((step, i) => (
          <li key={step.title} className="rounded-xl border border-zinc-200 bg-white p-5 shadow-sm">
            <p className="text-xs font-medium text-zinc-500">Step {i + 1}</p>
            <h2 className="mt-1 text-sm font-semibold text-zinc-900">{step.title}</h2>
            <p className="mt-2 text-sm text-zinc-600">{step.body}</p>
          </li>
        ))}
      </ol>
    </main>
  );
}
