import { useTranslation } from "~/utils/use-translation";

export const I18N_SCRIPT_ID = "i18n-resources";

/** Embeds the translations a hydrating page needs, so the browser renders the same text. */
export function I18nResourcesScript({ namespaces, nonce }: { namespaces: readonly string[]; nonce?: string }) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const bundle = Object.fromEntries(namespaces.map((ns) => [ns, i18n.getResourceBundle(lang, ns) ?? {}]));
  // `<` is escaped so that no translation can close the script element.
  const json = JSON.stringify({ [lang]: bundle }).replace(/</g, "\\u003c");
  return <script id={I18N_SCRIPT_ID} type="application/json" nonce={nonce} dangerouslySetInnerHTML={{ __html: json }} />;
}
