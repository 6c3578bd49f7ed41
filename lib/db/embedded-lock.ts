import fs from "node:fs";

// PGlite has no lock of its own: two processes on one data folder silently diverge. The app
// records its pid beside the folder; command-line tools refuse to open it while that pid lives.
const pidFile = (dir: string) => `${dir.replace(/\/+$/, "")}.pid`;

export function claimEmbedded(dir: string) {
  fs.writeFileSync(pidFile(dir), String(process.pid));
}

export function embeddedOwner(dir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(pidFile(dir), "utf8"));
    if (!pid || pid === process.pid) return null;
    process.kill(pid, 0);
    // A build worker that exited stays a zombie where nothing reaps it (a container's init):
    // it holds nothing.
    if (isZombie(pid)) return null;
    return pid;
  } catch {
    return null;
  }
}

function isZombie(pid: number): boolean {
  try {
    // /proc/<pid>/stat: "pid (comm) state ...", comm may hold spaces and parentheses.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) === "Z";
  } catch {
    return false;
  }
}
