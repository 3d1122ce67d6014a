/**
 * Reading a submitted form in actions. A body that is not a form (truncated, malformed multipart)
 * comes from something other than our pages: it gets a 400 page, not a 500, and the parser's
 * message, which can quote the body's headers and with them a file name, never reaches the log.
 */
import { badRequest } from "~/utils/responses";

export async function readForm(request: Request, parse: (request: Request) => Promise<FormData> = (r) => r.formData()): Promise<FormData> {
  try {
    return await parse(request);
  } catch {
    throw badRequest();
  }
}
