import type { TFunction } from "i18next";

/** "Phone number", "TikTok" …: what kind of identifier a stored key is, in the reader's language. */
export function identifierKindLabel(t: TFunction, platform: string): string {
  // A social network is named as the report journey names it ("how the offer came").
  return platform === "phone" || platform === "text" ? t(`reports:platform.${platform}`) : t(`report:channels.${platform}`);
}

/** The identifier itself, as the key stores it after "phone:", "tiktok:" … ("@" before a handle). */
export function identifierValue(key: string): string {
  const [platform = "", ...rest] = key.split(":");
  const value = rest.join(":");
  if (platform === "phone" || platform === "text") return value;
  if (platform === "facebook" && value.startsWith("id:")) return `profile.php?id=${value.slice(3)}`;
  return `@${value}`;
}
