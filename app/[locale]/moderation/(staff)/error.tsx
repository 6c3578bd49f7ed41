"use client";

import { PageError } from "@/components/layout/page-error";

export default function StaffError(props: {
  error: Error & { digest?: string };
  retry: () => void;
}) {
  return <PageError {...props} staff />;
}
