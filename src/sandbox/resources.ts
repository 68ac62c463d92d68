/** Edm types of the sandbox's properties, as the $filter type check sees them. */
export type FieldType = 'guid' | 'string' | 'int' | 'decimal' | 'datetime' | 'bool';

/** One cell of a row; dates are ISO strings without offset, as OData v3 JSON writes them. */
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

export interface ResourceDefinition {
  name: string;
  /** Property names in Cobra's casing, with their types, in output order. */
  fields: Record<string, FieldType>;
  /** Property that `Resource(guid'...')` looks up, when the resource has a key. */
  key?: string;
}

const employmentFields: Record<string, FieldType> = {
  Id: 'guid',
  PersonId: 'guid',
  OrganizationId: 'guid',
  EpisodeStartDate: 'datetime',
  EpisodeEndDate: 'datetime',
  ContractId: 'guid',
  ContractType: 'string',
  ParttimePercentage: 'decimal',
  FunctionId: 'guid',
  DepartmentId: 'guid',
  SalaryId: 'guid',
  Scale: 'string',
  Step: 'int',
  Period: 'string',
  VariantSalary: 'decimal',
  VariantHourlyWage: 'decimal',
};

/**
 * The entity sets under /odata/. Property casing is deliberately inconsistent
 * (`ID` on Function, `PersonID` on Phone), as it is across Cobra's resources,
 * so clients must compare names case-insensitively.
 */
export const RESOURCES: readonly ResourceDefinition[] = [
  {
    name: 'Person',
    key: 'Id',
    fields: {
      Id: 'guid',
      PersonNumber: 'string',
      NameComplete: 'string',
      Nickname: 'string',
      Initials: 'string',
      Prefixes: 'string',
      LastName: 'string',
      TypePerson: 'string',
      DateOfBirth: 'datetime',
    },
  },
  {
    name: 'Organization',
    key: 'Id',
    fields: { Id: 'guid', Name: 'string', OrganizationNumber: 'string' },
  },
  { name: 'CurrentEmployment', key: 'Id', fields: employmentFields },
  { name: 'EmploymentHistory', key: 'Id', fields: employmentFields },
  {
    name: 'SalaryEmployment',
    key: 'Id',
    fields: {
      Id: 'guid',
      PersonId: 'guid',
      ContractId: 'guid',
      StartDate: 'datetime',
      EndDate: 'datetime',
      HoursPerWeek: 'decimal',
      WorkPercentage: 'decimal',
    },
  },
  {
    name: 'CalculatedSalaryComponent',
    key: 'Id',
    fields: {
      Id: 'guid',
      PersonId: 'guid',
      ContractId: 'guid',
      OrganizationId: 'guid',
      Year: 'int',
      Period: 'int',
      PeriodStartDate: 'datetime',
      PeriodEndDate: 'datetime',
      ComponentCode: 'string',
      ComponentName: 'string',
      Amount: 'decimal',
    },
  },
  {
    name: 'Department',
    key: 'Id',
    fields: {
      Id: 'guid',
      OrganizationId: 'guid',
      DepartmentCode: 'string',
      Name: 'string',
      ShortName: 'string',
      ManagerId: 'guid',
      ParentDepartmentId: 'guid',
    },
  },
  { name: 'Function', key: 'ID', fields: { ID: 'guid', Code: 'string', LongName: 'string' } },
  {
    name: 'Email',
    fields: { PersonId: 'guid', EmailAddress: 'string', Index: 'int' },
  },
  {
    name: 'Phone',
    fields: { PersonID: 'guid', PhoneNumber: 'string', PhoneType: 'string' },
  },
  {
    name: 'Address',
    key: 'Id',
    fields: {
      Id: 'guid',
      PersonId: 'guid',
      Street: 'string',
      HouseNumber: 'string',
      City: 'string',
      Zipcode: 'string',
      CountryCode: 'string',
      StartDate: 'datetime',
      EndDate: 'datetime',
    },
  },
  {
    name: 'Customer',
    key: 'Id',
    fields: { Id: 'guid', CustomerNumber: 'string', Name: 'string' },
  },
  {
    name: 'PersonOrganization',
    key: 'Id',
    fields: {
      Id: 'guid',
      PersonId: 'guid',
      OrganizationId: 'guid',
      StartDate: 'datetime',
      EndDate: 'datetime',
    },
  },
];

/**
 * Finds a resource by its exact name. ASP.NET Web API OData v3 matches entity
 * set names case-sensitively, so `/odata/person` is not found.
 */
export function findResource(name: string): ResourceDefinition | undefined {
  return RESOURCES.find((resource) => resource.name === name);
}

/** Finds a property's name in its declared casing, compared case-insensitively. */
export function findField(resource: ResourceDefinition, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.keys(resource.fields).find((field) => field.toLowerCase() === wanted);
}
