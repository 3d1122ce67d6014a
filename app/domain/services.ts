/**
 * The citizen services the home page offers, at the routes their issues name. A service is listed
 * only once it works: no "coming soon" pages.
 */
export type ServiceId = "certificate" | "track" | "report" | "verify" | "centers";

export type Service = { id: ServiceId; path: string; available: boolean };

export const SERVICES: readonly Service[] = [
  { id: "certificate", path: "certificate", available: true },
  { id: "track", path: "track", available: true },
  { id: "report", path: "report", available: true },
  { id: "verify", path: "verify", available: true },
  { id: "centers", path: "centers", available: true },
];

export function availableServices(): Service[] {
  return SERVICES.filter((s) => s.available);
}
