import { z } from 'zod';

export const LICENCE_LIST_FORMAT = 'cobra-koppelhulp/licences';
export const LICENCE_LIST_VERSION = 1;

/** One third-party package that ships inside the app. */
export const licensedPackageSchema = z
  .object({
    name: z.string().min(1),
    version: z.string().min(1),
    /** SPDX expression from the package's own package.json. */
    licence: z.string().min(1),
    /** Key into `texts`; null when the package ships no licence file. */
    textId: z.string().nullable(),
  })
  .strict();

/**
 * The generated list of third-party licences (scripts/licences.ts). Equal
 * licence texts are stored once in `texts` and referenced by id.
 */
export const licenceListSchema = z
  .object({
    format: z.literal(LICENCE_LIST_FORMAT),
    version: z.literal(LICENCE_LIST_VERSION),
    packages: z.array(licensedPackageSchema),
    texts: z.record(z.string(), z.string()),
  })
  .strict();

export type LicensedPackage = z.infer<typeof licensedPackageSchema>;
export type LicenceList = z.infer<typeof licenceListSchema>;
