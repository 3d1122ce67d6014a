/**
 * One certificate application walked through the real pages over HTTP, as a browser without
 * JavaScript does it: GET each page, post its form (with the page's own hidden fields, the draft
 * cookie, and the Origin and Sec-Fetch-Site headers a browser sends, which the cross-site check
 * reads), upload four generated documents as multipart, accept the declaration, and read the
 * reference off the confirmation page. Only a reference read from that page counts as
 * acknowledged: a redirect the client never followed is not a confirmation. A step the server
 * died during is sent again once it is back, with the same cookie.
 */
import { jpeg, pdf, png, type TestFile } from "../../e2e/support/files";

/** Why a journey stopped; `unreachable` is what a killed server looks like from the client. */
export class JourneyError extends Error {
  constructor(
    readonly step: string,
    readonly kind: "unreachable" | "unexpected",
    detail: string,
  ) {
    super(`${step}: ${detail}`);
    this.name = "JourneyError";
  }
}

export type JourneyFiles = { passport: TestFile; cnicFront: TestFile; cnicBack: TestFile; photo: TestFile };

/** Small documents made here (as the e2e specs make theirs): nothing read from disk or downloaded. */
export async function makeJourneyFiles(): Promise<JourneyFiles> {
  return {
    passport: await jpeg("passport.jpg", 120, 160),
    cnicFront: await png("cnic-front.png"),
    cnicBack: await pdf("cnic-back.pdf"),
    photo: await jpeg("me.jpg", 100, 125),
  };
}

const REQUEST_TIMEOUT_MS = 20_000;
const REFERENCE = /class="reference"[^>]*>\s*(PCC-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4})\s*</;
const CONFIRMATION_PATH = /^\/en\/certificate\/confirmation\/PCC-/;

/** The hidden inputs of the page's forms, sent back as a browser would. */
function hiddenFields(html: string): [string, string][] {
  const fields: [string, string][] = [];
  for (const [input] of html.matchAll(/<input\b[^>]*>/g)) {
    if (!/\btype="hidden"/.test(input)) continue;
    const name = /\bname="([^"]*)"/.exec(input)?.[1];
    if (name) fields.push([name, /\bvalue="([^"]*)"/.exec(input)?.[1] ?? ""]);
  }
  return fields;
}

/** A browser's session with the portal: its cookies, and the step it is on (for the kill report). */
export class Browser {
  private readonly cookies = new Map<string, string>();
  step = "idle";

  constructor(private readonly baseUrl: string) {}

  private async request(method: "GET" | "POST", path: string, body?: URLSearchParams | FormData): Promise<Response> {
    const headers: Record<string, string> = { accept: "text/html", "accept-language": "en", "sec-fetch-site": "same-origin" };
    if (method === "POST") headers.origin = this.baseUrl;
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    let response: Response;
    try {
      response = await fetch(new URL(path, this.baseUrl), {
        method,
        headers,
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new JourneyError(
        this.step,
        "unreachable",
        error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error),
      );
    }
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim());
    }
    return response;
  }

  /**
   * GET a page and read it to its end (a cut-off body is as unreachable as a refused connection);
   * a redirect is returned rather than followed.
   */
  async pageOrRedirect(path: string): Promise<{ html: string; location: string | null }> {
    const response = await this.request("GET", path);
    let html: string;
    try {
      html = await response.text();
    } catch (error) {
      throw new JourneyError(this.step, "unreachable", error instanceof Error ? error.message : String(error));
    }
    if (response.status === 302) return { html, location: response.headers.get("location") };
    if (response.status !== 200) throw new JourneyError(this.step, "unexpected", `GET ${path} answered ${response.status}`);
    return { html, location: null };
  }

  /** GET a page that must answer 200. */
  async page(path: string): Promise<string> {
    const { html, location } = await this.pageOrRedirect(path);
    if (location !== null) throw new JourneyError(this.step, "unexpected", `GET ${path} sent to ${location}`);
    return html;
  }

  /** POST a form and expect a redirect to `next`; returns where it pointed. */
  async post(path: string, body: URLSearchParams | FormData, next: string | RegExp): Promise<string> {
    const response = await this.request("POST", path, body);
    try {
      await response.arrayBuffer();
    } catch (error) {
      throw new JourneyError(this.step, "unreachable", error instanceof Error ? error.message : String(error));
    }
    const location = response.headers.get("location") ?? "";
    const matches = typeof next === "string" ? location === next : next.test(location);
    if (response.status !== 302 || !matches)
      throw new JourneyError(this.step, "unexpected", `POST ${path} answered ${response.status} → ${location || "(no location)"}`);
    return location;
  }

  /** GET the step's page, then post its form with `fields` added to the page's hidden ones. */
  async fill(step: string, fields: Record<string, string>, next: string): Promise<void> {
    this.step = step;
    const path = `/en/certificate/${step}`;
    const form = new URLSearchParams(hiddenFields(await this.page(path)));
    for (const [name, value] of Object.entries({ ...fields, intent: "continue" })) form.set(name, value);
    await this.post(path, form, `/en/certificate/${next}`);
  }
}

const blob = (file: TestFile) => new Blob([new Uint8Array(file.buffer)], { type: file.mimeType });

type Step = { name: string; run: (browser: Browser) => Promise<void> };

function journeySteps(files: JourneyFiles, n: number, confirmed: (reference: string) => void): Step[] {
  const question = (name: string, fields: Record<string, string>, next: string): Step => ({
    name,
    run: (browser) => browser.fill(name, fields, next),
  });
  let confirmation = "";
  return [
    {
      name: "start",
      run: async (browser) => {
        await browser.page("/en/certificate");
        await browser.post("/en/certificate", new URLSearchParams(), "/en/certificate/who");
      },
    },
    question("who", { applicantType: "self" }, "personal"),
    question(
      "personal",
      {
        fullName: "Reliability Writer",
        fatherName: "Harness Writer",
        dateOfBirthDay: "14",
        dateOfBirthMonth: "3",
        dateOfBirthYear: "1990",
        gender: "female",
        cnic: "35202-1234567-4",
        passportCountry: "PK",
        passportNumber: `RW${String(1_000_000 + (n % 9_000_000)).padStart(7, "0")}`,
        nationality: "PK",
      },
      "contact",
    ),
    question(
      "contact",
      { email: `writer-${n}@example.com`, phone: "+30 691 234 5678", residenceCountry: "GR", residenceCity: "Athens" },
      "addresses",
    ),
    question(
      "addresses",
      {
        district: "Lahore",
        policeStation: "Model Town",
        address: "House 12, Street 4",
        fromMonth: "1",
        fromYear: "1990",
        toMonth: "",
        toYear: "",
      },
      "purpose",
    ),
    question("purpose", { purpose: "work_visa", destinationCountry: "IT" }, "delivery"),
    question("delivery", { delivery: "pdf" }, "documents"),
    {
      // All four files in one post; sent again after a kill, each replaces the one stored before.
      name: "documents",
      run: async (browser) => {
        const upload = new FormData();
        for (const [name, value] of hiddenFields(await browser.page("/en/certificate/documents"))) upload.set(name, value);
        upload.set("passport", blob(files.passport), files.passport.name);
        upload.set("cnic_front", blob(files.cnicFront), files.cnicFront.name);
        upload.set("cnic_back", blob(files.cnicBack), files.cnicBack.name);
        upload.set("photo", blob(files.photo), files.photo.name);
        upload.set("intent", "continue");
        await browser.post("/en/certificate/documents", upload, "/en/certificate/check");
      },
    },
    {
      // Sent again after a kill, a submission that did go through sends the browser to its
      // confirmation (the check page and its action both do), never to a second application.
      name: "submit",
      run: async (browser) => {
        const check = await browser.pageOrRedirect("/en/certificate/check");
        if (check.location !== null) {
          confirmation = check.location;
        } else {
          const form = new URLSearchParams(hiddenFields(check.html));
          form.set("declaration", "yes");
          confirmation = await browser.post("/en/certificate/check", form, CONFIRMATION_PATH);
        }
        if (!CONFIRMATION_PATH.test(confirmation)) throw new JourneyError("submit", "unexpected", `check page sent to ${confirmation}`);
      },
    },
    {
      name: "confirmation",
      run: async (browser) => {
        const reference = REFERENCE.exec(await browser.page(confirmation))?.[1];
        if (!reference || !confirmation.endsWith(`/${reference}`))
          throw new JourneyError("confirmation", "unexpected", "no reference on the confirmation page");
        confirmed(reference);
      },
    },
  ];
}

export type JourneyOutcome = { reference: string; retries: number };

/**
 * Start page to confirmation page; resolves with the reference the confirmation page showed. When
 * the server stops answering, `resume` waits until it is back and the browser repeats the step it
 * was on with the cookie it has, as a person pressing the button again would.
 */
export async function applyThroughForms(
  browser: Browser,
  files: JourneyFiles,
  n: number,
  resume: (error: JourneyError) => Promise<boolean>,
): Promise<JourneyOutcome> {
  let reference: string | null = null;
  let retries = 0;
  for (const step of journeySteps(files, n, (r) => (reference = r))) {
    for (;;) {
      browser.step = step.name;
      try {
        await step.run(browser);
        break;
      } catch (error) {
        if (!(error instanceof JourneyError) || !(await resume(error))) throw error;
        retries += 1;
      }
    }
  }
  browser.step = "idle";
  if (reference === null) throw new JourneyError("confirmation", "unexpected", "journey ended without a reference");
  return { reference, retries };
}
