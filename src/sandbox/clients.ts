import demo from './demo.json' with { type: 'json' };

/** Methods of Cobra's admin grid, one column each. */
export const GRANT_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type GrantMethod = (typeof GRANT_METHODS)[number];

/** An API client as an administrator sets it up in Cobra's admin grid. */
export interface SandboxClient {
  id: string;
  secret: string;
  displayName: string;
  /** First day the client may get a token, as YYYY-MM-DD (UTC); none: no limit. */
  startDate?: string;
  /** Last day the client may get a token, as YYYY-MM-DD (UTC); none: no limit. */
  endDate?: string;
  /** Ticked methods per resource name, such as `{ Person: ['GET'] }`. */
  grants: Record<string, GrantMethod[]>;
}

/** Names of the demo clients in demo.json. */
export type DemoClientName = 'full' | 'partial' | 'expired' | 'notYetValid' | 'specialSecret';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Formats the UTC date `days` days from `now` as YYYY-MM-DD. */
function dateFromToday(days: number, now: Date): string {
  return new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Builds the demo clients of demo.json with their validity dates resolved
 * against `now`, so the expired client stays expired over time.
 */
export function demoClients(now = new Date()): Record<DemoClientName, SandboxClient> {
  const entries = demo.clients.map((entry) => {
    const client: SandboxClient = {
      id: entry.id,
      secret: entry.secret,
      displayName: entry.displayName,
      grants: Object.fromEntries(entry.get.map((resource) => [resource, ['GET']])),
    };
    if (entry.validFromDays !== null) {
      client.startDate = dateFromToday(entry.validFromDays, now);
    }
    if (entry.validUntilDays !== null) {
      client.endDate = dateFromToday(entry.validUntilDays, now);
    }
    return [entry.name, client] as const;
  });
  return Object.fromEntries(entries) as Record<DemoClientName, SandboxClient>;
}

/** The demo clients, with dates as of the moment this module loaded. */
export const DEMO_CLIENTS = demoClients();

/** Organisation numbers of the demo companies. */
export const DEMO_COMPANY_NUMBERS = {
  /** Companies with employees. */
  withEmployees: demo.organizations
    .filter((organization) => organization.employeeShare > 0)
    .map((organization) => organization.organizationNumber),
  /** A company that exists but employs nobody. */
  withoutEmployees: demo.organizations
    .filter((organization) => organization.employeeShare === 0)
    .map((organization) => organization.organizationNumber),
};

/**
 * Checks whether `today` (YYYY-MM-DD, UTC) lies within the client's start and end date.
 * NOTE: Cobra probably compares in Dutch local time, one or two hours ahead of UTC.
 */
export function isWithinValidity(client: SandboxClient, today: string): boolean {
  if (client.startDate !== undefined && today < client.startDate) {
    return false;
  }
  return client.endDate === undefined || today <= client.endDate;
}

/** Checks whether the client has a tick for `method` on `resource`, comparing names without case. */
export function hasGrant(client: SandboxClient, resource: string, method: string): boolean {
  const wanted = resource.toLowerCase();
  const methods = Object.entries(client.grants).find(([name]) => name.toLowerCase() === wanted);
  return methods?.[1].some((granted) => granted === method.toUpperCase()) ?? false;
}
