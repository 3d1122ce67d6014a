/**
 * The one-time link that creates the first administrator is a secret for whoever runs the server.
 * Standard output is where the logs go, and log collectors keep everything: the link is written to
 * a file only the server's own account can read, and only that file's path is printed.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import { issueSetupToken } from "~/models/setup-token.server";
import { countActiveAdmins } from "~/models/staff-user.server";
import type { Database } from "../../db/schema";

const SETUP_LINK_FILE = "first-admin-setup-link.txt";

export function setupLinkPath(dataDir: string): string {
  return path.resolve(dataDir, SETUP_LINK_FILE);
}

/** The link is spent once an administrator exists: its file goes too. */
export function removeSetupLink(dataDir: string): void {
  fs.rmSync(setupLinkPath(dataDir), { force: true });
}

/**
 * Written whole or not at all: created 0600 under a temporary name, then renamed over the old one,
 * so no reader ever sees a half-written link or a moment where the file is readable by others.
 */
function writePrivately(file: string, content: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  const fd = fs.openSync(temporary, "wx", 0o600);
  try {
    // The umask can only narrow the mode; fchmod makes it exactly 0600 whatever the umask.
    fs.fchmodSync(fd, 0o600);
    fs.writeFileSync(fd, content);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * At start: while no administrator exists, issues a fresh setup link, writes it to the data
 * directory and tells the operator where it is (never the link itself); once one exists, removes
 * any file left over. Returns the file's path when a link was written.
 */
export async function announceSetupLink(
  db: Kysely<Database>,
  { dataDir, publicUrl }: { dataDir: string; publicUrl: string },
  say: (text: string) => void = (text) => console.log(text),
): Promise<string | null> {
  if ((await countActiveAdmins(db)) > 0) {
    removeSetupLink(dataDir);
    return null;
  }
  const token = await issueSetupToken(db);
  const file = setupLinkPath(dataDir);
  writePrivately(file, `${publicUrl}/staff/setup?token=${token}\n`);
  say(
    `\nNo administrator exists yet. The link that creates the first one (valid 24 hours, usable once) is in\n  ${file}\nreadable only by the account running the portal. It is removed once an administrator exists.\n`,
  );
  return file;
}
