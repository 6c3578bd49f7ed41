// npm run staff -- create --email E --role R [--role R2]   prints a one-time password
// npm run staff -- disable --email E | enable --email E
// npm run staff -- reset-2fa --email E   for a member who lost their authenticator (audited)
import { parseArgs } from "node:util";
import { createStaff, resetTotp, setStaffDisabled } from "@/lib/auth/staff";
import { ROLES, type Role } from "@/lib/cases/workflow";
import { ExpectedError } from "@/lib/errors";
import { fail, openCliDb } from "./cli-db";

const USAGE =
  "usage: npm run staff -- create --email E --role moderator|publisher|admin [--role …]\n       npm run staff -- disable|enable|reset-2fa --email E";

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: "string" },
      role: { type: "string", multiple: true },
      name: { type: "string" },
      password: { type: "string" },
    },
  });
  const command = positionals[0];
  if (!values.email || !["create", "disable", "enable", "reset-2fa"].includes(command ?? ""))
    fail(USAGE);
  const roles = (values.role ?? []) as Role[];
  if (
    command === "create" &&
    (roles.length === 0 || roles.some((r) => !(ROLES as readonly string[]).includes(r)))
  )
    fail(`Roles: ${ROLES.join(", ")}\n${USAGE}`);

  const conn = await openCliDb();
  try {
    if (command === "create") {
      // --password is for automation (tests); people get a generated one-time password.
      const created = await createStaff(conn.db, {
        email: values.email!,
        roles,
        name: values.name,
        password: values.password,
      });
      console.log(
        `Created ${created.email} (${roles.join(", ")}).\nOne-time password: ${created.password}\nGive it in person; ask them to enrol two-factor authentication from their profile.`,
      );
    } else if (command === "reset-2fa") {
      await resetTotp(conn.db, values.email!);
      console.log(
        `Two-factor authentication removed for ${values.email}; their sessions are ended. They enrol again from their profile after signing in.`,
      );
    } else {
      await setStaffDisabled(conn.db, values.email!, command === "disable");
      console.log(
        `${command === "disable" ? "Disabled" : "Enabled"} ${values.email}. ${command === "disable" ? "Live sessions are refused from their next request." : ""}`,
      );
    }
  } catch (error) {
    if (error instanceof ExpectedError)
      fail(
        error.code === "conflict"
          ? "That email already has an account."
          : error.code === "not_found"
            ? "No account with that email."
            : error.code,
      );
    throw error;
  } finally {
    await conn.close();
  }
}

main().catch(fail);
