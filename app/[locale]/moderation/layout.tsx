import type { Metadata } from "next";

export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function ModerationLayout({ children }: { children: React.ReactNode }) {
  return <div className="flex min-h-dvh flex-col bg-slate-50">{children}</div>;
}
