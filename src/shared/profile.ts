import { z } from 'zod';

/** Version of the connection profile format that this build reads. */
export const PROFILE_FORMAT_VERSION = 1;

const resourceName = z
  .string()
  .regex(/^[A-Z][A-Za-z0-9]{0,63}$/, 'must be a Cobra resource name such as "Person"');

export const endpointSchema = z
  .object({
    resource: resourceName,
    method: z.literal('GET'),
    /** Why the recipient needs it, shown next to the tick box; Dutch and English. */
    purpose: z.object({ nl: z.string().min(1), en: z.string().min(1) }).strict(),
    /** True when the endpoint exposes salary amounts, scales or components. */
    salaryData: z.boolean(),
    /** Field to filter this resource by company in a deep check, when it has one. */
    companyFilterField: z.string().min(1).optional(),
  })
  .strict();

export const profileSchema = z
  .object({
    /** Points editors to profile.schema.json; ignored when loading. */
    $schema: z.string().optional(),
    formatVersion: z.number().int().min(1).max(PROFILE_FORMAT_VERSION),
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'must be lowercase letters, digits and dashes'),
    version: z.number().int().min(1),
    name: z.object({ nl: z.string().min(1), en: z.string().min(1) }).strict(),
    recipient: z
      .object({
        name: z.string().min(1),
        /** Absent when the recipient names a person instead of a fixed address. */
        email: z.email().optional(),
      })
      .strict(),
    defaultClientDisplayName: z.string().min(1).max(100),
    scope: z.string().min(1).default('customer'),
    companyLookup: z
      .object({
        resource: resourceName.default('Organization'),
        numberField: z.string().min(1).default('OrganizationNumber'),
        /** Field on employment rows that points to the company, for the employees check. */
        employmentResource: resourceName.optional(),
        employmentCompanyField: z.string().min(1).optional(),
      })
      .strict()
      .default({ resource: 'Organization', numberField: 'OrganizationNumber' }),
    /** False when the recipient has not published the list; the UI asks to confirm it. */
    endpointsConfirmed: z.boolean(),
    note: z.object({ nl: z.string(), en: z.string() }).strict().optional(),
    endpoints: z.array(endpointSchema).min(1).max(100),
  })
  .strict()
  .superRefine((profile, context) => {
    const seen = new Set<string>();
    profile.endpoints.forEach((endpoint, index) => {
      const key = endpoint.resource.toLowerCase();
      if (seen.has(key)) {
        context.addIssue({
          code: 'custom',
          path: ['endpoints', index, 'resource'],
          message: `duplicate endpoint "${endpoint.resource}"`,
        });
      }
      seen.add(key);
    });
  });

export type Profile = z.output<typeof profileSchema>;
export type ProfileEndpoint = z.output<typeof endpointSchema>;
