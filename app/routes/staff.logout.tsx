import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { signOut } from "~/models/staff-sign-in.server";
import { clearedSessionCookie, readStaffSession, STAFF_HOME, STAFF_LOGIN, staffPath } from "~/services/auth.server";
import { assertSameOrigin } from "~/utils/csrf.server";

/** Only a POST signs out: a GET can be sent by any page (an <img>) or by a link prefetcher. */
export async function loader({ request }: LoaderFunctionArgs) {
  throw redirect(staffPath(request, STAFF_HOME));
}

export async function action({ request, context }: ActionFunctionArgs) {
  assertSameOrigin(request, context);
  // Pending sessions too: "Sign out" on the code pages abandons the sign-in.
  const session = await readStaffSession(request, context);
  const ended = session ? await signOut(context.db, session) : false;
  context.logger.info({ requestId: context.requestId, outcome: ended ? "signed_out" : "no_session" }, "staff sign-out");
  throw redirect(staffPath(request, STAFF_LOGIN, { signedOut: "1" }), {
    headers: { "Set-Cookie": clearedSessionCookie(context), "Cache-Control": "no-store" },
  });
}
