import { renderToString } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it } from "vitest";
import { getI18n } from "./i18n.server";
import { useTranslation } from "./use-translation";

const seen: unknown[] = [];

function Probe({ ns }: { ns?: string | string[] }) {
  const answer = useTranslation(ns);
  seen.push(answer);
  return (
    <p>
      {[answer.t("portal.name"), answer.t("setup.title"), answer.t("centers:title"), answer.i18n.language, String(answer.ready)].join("|")}
    </p>
  );
}

const render = (lang: "en" | "ur", ns?: string | string[]) =>
  renderToString(
    <I18nextProvider i18n={getI18n(lang)}>
      <Probe ns={ns} />
    </I18nextProvider>,
  );

describe("useTranslation on the server", () => {
  it("translates in the provider's language and namespace, as react-i18next's does", () => {
    // No namespace: common; the first of several is the default, the others need their prefix.
    expect(render("en")).toBe("<p>Police Service Centers Global|setup.title|Embassies and service centers|en|true</p>");
    expect(render("en", ["staff", "centers"])).toBe(
      "<p>portal.name|Create the first administrator account|Embassies and service centers|en|true</p>",
    );
    expect(render("ur")).toBe(`<p>${getI18n("ur").t("common:portal.name")}|setup.title|${getI18n("ur").t("centers:title")}|ur|true</p>`);
    expect(getI18n("ur").t("common:portal.name")).not.toBe("Police Service Centers Global");
  });

  it("answers the same object for the same instance and namespaces, and another for another language", () => {
    seen.length = 0;
    render("en", "certificate");
    render("en", "certificate");
    render("ur", "certificate");
    render("en", "track");
    expect(seen[0]).toBe(seen[1]);
    expect(seen[2]).not.toBe(seen[0]);
    expect(seen[3]).not.toBe(seen[0]);
  });
});
