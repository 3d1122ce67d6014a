/**
 * `useTranslation` for every component: react-i18next's in the browser, where the language can
 * change under a mounted page; on the server, one answer per i18next instance and namespace list.
 *
 * The server keeps one instance per language that never changes language (i18n.server.ts), yet
 * react-i18next's hook builds a fresh `t` and copies every property of the instance into a wrapper
 * object on each call, because a server render never reuses hook state. Pages call it dozens of
 * times per render; the profile put it at about 3% of a page's CPU (decision 046).
 */
import type { i18n as I18n } from "i18next";
import { useContext } from "react";
import { getI18n, I18nContext, useTranslation as useReactI18nextTranslation } from "react-i18next";

type UseTranslation = typeof useReactI18nextTranslation;
type Answer = ReturnType<UseTranslation>;

const answers = new WeakMap<I18n, Map<string, Answer>>();

/** Same arguments to getFixedT as react-i18next (default namespace mode, no key prefix). */
function useServerTranslation(ns?: string | readonly string[]): Answer {
  // Outside a provider (a component rendered alone), the instance initReactI18next registered.
  const i18n = (useContext(I18nContext) as { i18n?: I18n } | undefined)?.i18n ?? getI18n();
  const namespaces = ns === undefined ? [String(i18n.options.defaultNS ?? "translation")] : typeof ns === "string" ? [ns] : [...ns];
  const key = namespaces.join("\u0000");
  let perInstance = answers.get(i18n);
  if (!perInstance) answers.set(i18n, (perInstance = new Map()));
  let answer = perInstance.get(key);
  if (!answer) {
    // i18next's types know neither the fourth argument nor our namespaces (no resource typing here).
    const getFixedT = i18n.getFixedT as unknown as (
      lng: string,
      ns: string,
      keyPrefix: undefined,
      options: { scopeNs: string[] },
    ) => Answer["t"];
    const t = getFixedT.call(i18n, i18n.language, namespaces[0]!, undefined, { scopeNs: namespaces });
    answer = Object.assign([t, i18n, true] as const, { t, i18n, ready: true }) as unknown as Answer;
    perInstance.set(key, answer);
  }
  return answer;
}

export const useTranslation: UseTranslation =
  typeof document === "undefined" ? (useServerTranslation as unknown as UseTranslation) : useReactI18nextTranslation;
