/**
 * A local Cobra API environment on loopback: OAuth token endpoint, OData v3
 * resources with synthetic data, demo clients and fault switches. Used by
 * `cobra-koppelhulp sandbox`, the demo, and every client test and benchmark.
 */
export { startSandbox, MAX_BODY_BYTES, type Sandbox } from './server.ts';
export type { SandboxOptions, BasicDecoding, ValidityAnswer } from './options.ts';
export type { FaultRule } from './faults.ts';
export type { RequestRecord } from './counters.ts';
export {
  DEMO_CLIENTS,
  DEMO_COMPANY_NUMBERS,
  demoClients,
  GRANT_METHODS,
  type DemoClientName,
  type GrantMethod,
  type SandboxClient,
} from './clients.ts';
export { parseSandboxConfig, sandboxConfigSchema } from './config.ts';
export { RESOURCES } from './resources.ts';
export { OPEN_END_DATE } from './data.ts';
