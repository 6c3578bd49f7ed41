"use client";

import { PageError } from "@/components/layout/page-error";

export default function PublicError(props: {
  error: Error & { digest?: string };
  retry: () => void;
}) {
  return <PageError {...props} />;
}
