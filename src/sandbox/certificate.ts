import { generate } from 'selfsigned';

export interface Certificate {
  key: string;
  cert: string;
}

/**
 * Generates a self-signed certificate for localhost, 127.0.0.1 and ::1. It is
 * made at every start and kept in memory only, so no private key is ever
 * written to disk or committed; clients that do not trust it see the
 * "certificate not trusted" error that TLS inspection also causes.
 */
export async function createCertificate(): Promise<Certificate> {
  const result = await generate([{ name: 'commonName', value: 'Cobra sandbox' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 30 * 24 * 60 * 60 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  return { key: result.private, cert: result.cert };
}
