/**
 * Which police service center handles an application: the one for the district of the last address
 * in Pakistan, and Lahore (the head office) when no center serves that district yet.
 */
const CENTER_BY_DISTRICT: Record<string, string> = {
  lahore: "lahore",
  rawalpindi: "rawalpindi",
  gujrat: "gujrat",
  sialkot: "sialkot",
};

export const HEAD_OFFICE_CENTER = "lahore";

export function serviceCenterFor(district: string): string {
  const key = district.trim().toLowerCase();
  return Object.entries(CENTER_BY_DISTRICT).find(([name]) => key.includes(name))?.[1] ?? HEAD_OFFICE_CENTER;
}
