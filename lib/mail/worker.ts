import "server-only";
import type { Executor } from "@/lib/db/connect";
import { sendDueMail } from "./sender";
import { defaultTransport, type MailTransport } from "./transport";
import { onMailWake } from "./wake";

const EVERY_MS = 5_000;

/**
 * Sends what the outbox holds, in this process: every few seconds, and soon after a message is
 * written here. Several instances may run it at once (each message is leased by one). Returns
 * a stop function.
 */
export function startMailWorker(db: Executor, transport: MailTransport = defaultTransport()) {
  let running = false;
  let again = false;
  const pass = async () => {
    if (running) return void (again = true);
    running = true;
    try {
      do {
        again = false;
        await sendDueMail(db, transport);
      } while (again);
    } catch (error) {
      // The database may be restarting: the next pass tries again. Never the message itself.
      console.error("[iblagh] mail worker:", error instanceof Error ? error.name : "error");
    } finally {
      running = false;
    }
  };
  const timer = setInterval(pass, EVERY_MS);
  timer.unref();
  const unwake = onMailWake(pass);
  void pass();
  return () => {
    clearInterval(timer);
    unwake();
  };
}
