// The citizens of `npm run soak`: C connections sending reports, each with its own idempotency
// key, retrying network errors, 503s and unexpected 5xx with the same key until acknowledged
// (or the run's deadline), as the form and a well-behaved API client do. node:http with a
// keep-alive agent rather than fetch: the client shares the machine's two cores with the app
// and PostgreSQL, and fetch costs it about as much per request as the app's refusal of a poisoned one.
import http from "node:http";

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function post(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; replayed: boolean; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: { ...headers, "content-length": Buffer.byteLength(body) },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            replayed: Boolean(res.headers["idempotent-replayed"]),
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
        res.on("aborted", () => reject(new Error("aborted")));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(body);
  });
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Tally {
  sent: number;
  acknowledged: Map<number, string>;
  replayed: number;
  refusedPoison: number;
  poisonAccepted: number;
  networkErrors: number;
  unavailable: number;
  unexpected5xx: number;
  other4xx: number;
  gaveUp: number;
  /** Times (ms since epoch) of every acknowledgement, to find when service came back. */
  ackTimes: number[];
}

export const newTally = (): Tally => ({
  sent: 0,
  acknowledged: new Map(),
  replayed: 0,
  refusedPoison: 0,
  poisonAccepted: 0,
  networkErrors: 0,
  unavailable: 0,
  unexpected5xx: 0,
  other4xx: 0,
  gaveUp: 0,
  ackTimes: [],
});

// Inputs PostgreSQL cannot store, or that once reached the batch and failed it.
const POISONS = [
  (d: string) => ({ urls: [], platform: "whatsapp", description: `${d} \ud800` }),
  (d: string) => ({ urls: ["https://x.com/a/status/1\u0000"], description: d }),
  (d: string) => ({ urls: [], platform: "whatsapp", description: `${d} \u0001\u001b[31m` }),
];

export function reportBody(marker: string, n: number, poison: number | null) {
  // The marker opens the description, so the stored reports of this run are found by prefix.
  const description = `${marker} ${n} — خبر زائف عن حادث سير خطير في الطريق السيار بين الرباط والدار البيضاء`;
  const base = {
    kind: "rumor",
    category: "fake_incident",
    contact: { email: "citizen@example.ma" },
    declaration: true,
  };
  if (poison !== null) return { ...base, ...POISONS[poison % POISONS.length](description) };
  return {
    ...base,
    urls: [`https://x.com/soak/status/${marker.replace(/\W/g, "")}${n}`],
    description,
  };
}

export interface SendPlan {
  url: string;
  marker: string;
  /** The next report to send (poisoned ones carry the poison's index), or null when done. */
  next: () => { n: number; poison: number | null } | null;
  connections: number;
  deadline: number;
}

/** Sends every item of the plan over `connections` workers; returns when all are answered. */
export async function sendAll(plan: SendPlan, tally: Tally): Promise<void> {
  const worker = async () => {
    for (let item = plan.next(); item; item = plan.next())
      await sendOne(plan, item.n, item.poison, tally);
  };
  await Promise.all(Array.from({ length: plan.connections }, worker));
}

function receiptOf(text: string): string | null {
  try {
    return (JSON.parse(text) as { receipt?: string }).receipt ?? null;
  } catch {
    return null;
  }
}

async function sendOne(plan: SendPlan, n: number, poison: number | null, tally: Tally) {
  const body = JSON.stringify(reportBody(plan.marker, n, poison));
  const headers = {
    "content-type": "application/json",
    "accept-language": "ar",
    "idempotency-key": `${plan.marker}-${n}`,
  };
  tally.sent++;
  for (let attempt = 0; ; attempt++) {
    if (Date.now() > plan.deadline) {
      tally.gaveUp++;
      return;
    }
    // Backoff after a failure: 50 ms doubling to 1 s, as a client that does not hammer.
    const backoff = () => sleep(Math.min(1000, 50 * 2 ** Math.min(attempt, 5)));
    let res: Awaited<ReturnType<typeof post>>;
    try {
      res = await post(plan.url, headers, body);
    } catch {
      tally.networkErrors++;
      await backoff();
      continue;
    }
    const receipt = res.status === 201 ? receiptOf(res.text) : null;
    if (res.status === 201 && receipt === null) {
      // Cut off mid-answer (the app was killed): the citizen never saw a receipt; ask again.
      tally.networkErrors++;
      await backoff();
      continue;
    }
    if (res.status === 201) {
      if (poison !== null) tally.poisonAccepted++;
      else {
        tally.acknowledged.set(n, receipt!);
        tally.ackTimes.push(Date.now());
        if (res.replayed) tally.replayed++;
      }
      return;
    }
    if (res.status === 400 && poison !== null) {
      tally.refusedPoison++;
      return;
    }
    if (res.status === 503) tally.unavailable++;
    else if (res.status >= 500) tally.unexpected5xx++;
    else {
      tally.other4xx++;
      return;
    }
    await backoff();
  }
}
