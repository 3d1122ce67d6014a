/** The directory's search box (a GET form, so it works without JavaScript and a result can be shared). */
import * as z from "zod/mini";

export const CENTER_SEARCH_MAX = 100;

export const CenterSearchSchema = z.object({
  q: z._default(z.string(), "").check(z.trim(), z.maxLength(CENTER_SEARCH_MAX, "centers:search.tooLong")),
});
