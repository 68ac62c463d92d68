import demo from './demo.json' with { type: 'json' };
import {
  CITIES,
  CONTRACT_TYPES,
  DEPARTMENTS,
  FIRST_NAMES,
  FUNCTIONS,
  LAST_NAMES,
  PARTTIME_PERCENTAGES,
  PREFIXES,
  SALARY_COMPONENTS,
  STREETS,
} from './names.ts';
import { SeededRandom } from './random.ts';
import type { Row } from './resources.ts';

/** Rows of every resource, keyed by resource name. */
export type Dataset = Record<string, Row[]>;

/** End date Cobra gives to episodes that have not ended. */
export const OPEN_END_DATE = '2100-01-01T00:00:00';

/**
 * Year of the calculated salary periods. Fixed, so the data depends on the
 * seed only and not on the clock.
 */
const SALARY_YEAR = 2026;
const SALARY_PERIODS = [1, 2, 3];
const FULL_TIME_HOURS = 38;

function isoDate(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  return `${date.toISOString().slice(0, 10)}T00:00:00`;
}

function money(amount: number): number {
  return Math.round(amount * 100) / 100;
}

/** Spreads `total` over shares by the largest remainder, so the parts add up to `total`. */
function apportion(total: number, shares: readonly number[]): number[] {
  const exact = shares.map((share) => share * total);
  const parts = exact.map(Math.floor);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder);
  let left = total - parts.reduce((sum, part) => sum + part, 0);
  for (const { index } of order) {
    if (left <= 0) {
      break;
    }
    if (shares[index]! > 0) {
      parts[index]! += 1;
      left -= 1;
    }
  }
  return parts;
}

function domainOf(name: string): string {
  const word = name
    .toLowerCase()
    .replace(/b\.v\.|\s+/g, '')
    .replace(/[^a-z]/g, '');
  // SECURITY: .example is reserved (RFC 2606), so no generated address can reach a real mailbox.
  return `${word}.example`;
}

/** First organisation number of the extra organisations that benchmarks ask for. */
export const EXTRA_ORGANIZATION_NUMBER_BASE = 50_001;

/**
 * The demo organisations plus `extra` generated ones without employees,
 * numbered from EXTRA_ORGANIZATION_NUMBER_BASE, for runs with many companies.
 */
function organizationsWith(
  extra: number,
): { name: string; organizationNumber: string; employeeShare: number }[] {
  const extras = Array.from({ length: extra }, (_, index) => ({
    name: `Werkgever ${index + 1} B.V.`,
    organizationNumber: String(EXTRA_ORGANIZATION_NUMBER_BASE + index),
    employeeShare: 0,
  }));
  return [...demo.organizations, ...extras];
}

/** Generates the synthetic dataset; the same seed and size give the same rows. */
export function generateDataset(
  seed: number,
  employeeCount: number,
  extraOrganizations = 0,
): Dataset {
  const random = new SeededRandom(seed);
  const data: Dataset = {};
  const organizations = organizationsWith(extraOrganizations);

  data.Customer = [{ Id: random.guid(), CustomerNumber: '900001', Name: 'Demo Klant Noordkade' }];
  data.Organization = organizations.map((organization) => ({
    Id: random.guid(),
    Name: organization.name,
    OrganizationNumber: organization.organizationNumber,
  }));
  data.Function = FUNCTIONS.map((entry) => ({
    ID: random.guid(),
    Code: entry.code,
    LongName: entry.name,
  }));

  data.Department = [];
  for (const [index, organization] of data.Organization.entries()) {
    if (organizations[index]!.employeeShare === 0) {
      continue;
    }
    let parent: string | null = null;
    for (const entry of DEPARTMENTS.slice(0, random.integer(2, DEPARTMENTS.length))) {
      const id = random.guid();
      data.Department.push({
        Id: id,
        OrganizationId: organization.Id as string,
        DepartmentCode: `${organization.OrganizationNumber}-${entry.code}`,
        Name: entry.name,
        ShortName: entry.code,
        ManagerId: null,
        ParentDepartmentId: parent,
      });
      parent ??= id;
    }
  }

  for (const name of [
    'Person',
    'Email',
    'Phone',
    'Address',
    'EmploymentHistory',
    'CurrentEmployment',
    'SalaryEmployment',
    'PersonOrganization',
    'CalculatedSalaryComponent',
  ]) {
    data[name] = [];
  }

  const counts = apportion(
    employeeCount,
    organizations.map((organization) => organization.employeeShare),
  );
  let personIndex = 0;
  for (const [index, organization] of data.Organization.entries()) {
    const departments = data.Department.filter((row) => row.OrganizationId === organization.Id);
    for (let n = 0; n < counts[index]!; n += 1) {
      personIndex += 1;
      addEmployee(random, data, organization, departments, personIndex);
    }
    const manager = data.CurrentEmployment!.find((row) => row.OrganizationId === organization.Id);
    for (const department of departments) {
      department.ManagerId = manager?.PersonId ?? null;
    }
  }
  return data;
}

function addEmployee(
  random: SeededRandom,
  data: Dataset,
  organization: Row,
  departments: Row[],
  personIndex: number,
): void {
  const personId = random.guid();
  const firstName = random.pick(FIRST_NAMES);
  const prefix = random.pick(PREFIXES);
  const lastName = random.pick(LAST_NAMES);
  const initials = `${firstName[0]}.${random.next() < 0.4 ? `${random.pick(FIRST_NAMES)[0]}.` : ''}`;
  const fullName = [firstName, prefix, lastName].filter((part) => part !== '').join(' ');
  data.Person!.push({
    Id: personId,
    PersonNumber: String(100000 + personIndex),
    NameComplete: fullName,
    Nickname: firstName,
    Initials: initials,
    Prefixes: prefix === '' ? null : prefix,
    LastName: lastName,
    TypePerson: 'Medewerker',
    DateOfBirth: isoDate(random.integer(1960, 2004), random.integer(1, 12), random.integer(1, 28)),
  });

  const domain = domainOf(organization.Name as string);
  const localPart = `${firstName}.${prefix}${lastName}`.toLowerCase().replace(/\s+/g, '');
  data.Email!.push({ PersonId: personId, EmailAddress: `${localPart}@${domain}`, Index: 1 });
  if (random.next() < 0.3) {
    data.Email!.push({ PersonId: personId, EmailAddress: `${localPart}@thuis.example`, Index: 2 });
  }
  data.Phone!.push({
    PersonID: personId,
    PhoneNumber: `06-${String(random.integer(10000000, 99999999))}`,
    PhoneType: 'Mobiel',
  });
  data.Address!.push({
    Id: random.guid(),
    PersonId: personId,
    Street: random.pick(STREETS),
    HouseNumber: String(random.integer(1, 250)),
    City: random.pick(CITIES),
    Zipcode: `${random.integer(1000, 9999)} ${String.fromCharCode(65 + random.integer(0, 25))}${String.fromCharCode(65 + random.integer(0, 25))}`,
    CountryCode: 'NL',
    StartDate: isoDate(random.integer(2000, 2024), random.integer(1, 12), 1),
    EndDate: OPEN_END_DATE,
  });

  addEmployment(random, data, organization, departments, personId);
}

function addEmployment(
  random: SeededRandom,
  data: Dataset,
  organization: Row,
  departments: Row[],
  personId: string,
): void {
  const contractId = random.guid();
  const contractType = random.pick(CONTRACT_TYPES);
  const parttime = random.pick(PARTTIME_PERCENTAGES);
  const functionId = random.pick(data.Function!).ID as string;
  const departmentId = departments.length > 0 ? (random.pick(departments).Id as string) : null;
  let year = random.integer(2008, 2023);
  const month = random.integer(1, 12);
  let scale = random.integer(4, 10);
  let step = random.integer(0, 5);
  const episodes = random.integer(1, 3);
  const firstStart = isoDate(year, month, 1);

  // NOTE: Cobra changes employment ids daily and keeps ContractId stable; these ids
  // depend on the seed only, so a client that keys on Id passes here but not there.
  let episode: Row = {};
  for (let n = 0; n < episodes; n += 1) {
    const start = isoDate(year, month, 1);
    const last = n === episodes - 1 || year >= 2025;
    const nextYear = Math.min(year + random.integer(1, 3), 2025);
    const end = last ? OPEN_END_DATE : isoDate(nextYear, month, 0);
    const salary = money(2100 + scale * 310 + step * 85 + random.integer(0, 40));
    episode = {
      Id: random.guid(),
      PersonId: personId,
      OrganizationId: organization.Id as string,
      EpisodeStartDate: start,
      EpisodeEndDate: end,
      ContractId: contractId,
      ContractType: contractType,
      ParttimePercentage: parttime,
      FunctionId: functionId,
      DepartmentId: departmentId,
      SalaryId: random.guid(),
      Scale: String(scale),
      Step: step,
      Period: 'Maand',
      VariantSalary: money((salary * parttime) / 100),
      VariantHourlyWage: money((salary * 3) / (13 * FULL_TIME_HOURS)),
    };
    data.EmploymentHistory!.push(episode);
    if (last) {
      break;
    }
    year = nextYear;
    step += 1;
    scale += random.next() < 0.3 ? 1 : 0;
  }
  data.CurrentEmployment!.push({ ...episode });

  data.SalaryEmployment!.push({
    Id: random.guid(),
    PersonId: personId,
    ContractId: contractId,
    StartDate: firstStart,
    EndDate: OPEN_END_DATE,
    HoursPerWeek: money((FULL_TIME_HOURS * parttime) / 100),
    WorkPercentage: parttime,
  });
  data.PersonOrganization!.push({
    Id: random.guid(),
    PersonId: personId,
    OrganizationId: organization.Id as string,
    StartDate: firstStart,
    EndDate: OPEN_END_DATE,
  });

  for (const period of SALARY_PERIODS) {
    for (const component of SALARY_COMPONENTS) {
      data.CalculatedSalaryComponent!.push({
        Id: random.guid(),
        PersonId: personId,
        ContractId: contractId,
        OrganizationId: organization.Id as string,
        Year: SALARY_YEAR,
        Period: period,
        PeriodStartDate: isoDate(SALARY_YEAR, period, 1),
        PeriodEndDate: isoDate(SALARY_YEAR, period + 1, 0),
        ComponentCode: component.code,
        ComponentName: component.name,
        Amount: money((episode.VariantSalary as number) * component.share),
      });
    }
  }
}
