/** Name of the global under which the preload exposes the API to the page. */
export const API_GLOBAL_NAME = 'koppelhulp';
