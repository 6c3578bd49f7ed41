"use client";

import { PageError } from "@/components/layout/page-error";

// The staff chrome itself failed (it reads the session's account): no header to keep.
export default function ModerationError(props: {
  error: Error & { digest?: string };
  retry: () => void;
}) {
  return (
    <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
      <PageError {...props} staff />
    </main>
  );
}
