import "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string; epoch: number; email?: string | null; name?: string | null };
  }
  interface User {
    epoch?: number;
  }
}
