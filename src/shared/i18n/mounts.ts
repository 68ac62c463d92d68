/**
 * Feature locale files whose `errors` object is mounted into the `errors`
 * namespace under the feature's code prefix, so `errors:sealing.truncated`
 * reads `sealing.json`'s `errors.truncated`. resources.ts composes the same
 * mounts; the page's lazy loader reads this list, and a unit test checks that
 * the two agree.
 */
export const ERROR_MOUNTS = ['sealing'] as const;
