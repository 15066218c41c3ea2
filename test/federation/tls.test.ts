import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFederation, type Federation3 } from './kit.ts';

/** A private CA, a server certificate for 127.0.0.1 and a client certificate, made with the openssl command. */
function makePki(): { dir: string; ca: string; cert: string; key: string; clientCert: string; clientKey: string; otherCa: string } {
  const dir = mkdtempSync(join(tmpdir(), 'comity-pki-'));
  const o = (...args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  };
  o('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=Comity test CA');
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  writeFileSync(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  for (const [name, ext] of [['server', 'server.ext'], ['client', 'client.ext']] as const) {
    o('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=comity-${name}`);
    o('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '2', '-extfile', ext);
  }
  o('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'other.key', '-out', 'other.pem', '-days', '2', '-subj', '/CN=Other CA');
  const p = (f: string): string => join(dir, f);
  return { dir, ca: p('ca.pem'), cert: p('server.pem'), key: p('server.key'), clientCert: p('client.pem'), clientKey: p('client.key'), otherCa: p('other.pem') };
}

function get(url: string, opts: https.RequestOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = https.get(url, opts, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

describe('federation over HTTPS with mutual TLS', () => {
  let f: Federation3;
  let pki: ReturnType<typeof makePki>;
  beforeAll(async () => {
    pki = makePki();
    f = await startFederation({
      dialect: 'sqlite',
      states: ['XA', 'XB'],
      config: {
        tlsCertFile: pki.cert,
        tlsKeyFile: pki.key,
        tlsClientCaFile: pki.ca,
        tlsRequireClientCert: true,
        federationCaFile: pki.ca,
        federationClientCertFile: pki.clientCert,
        federationClientKeyFile: pki.clientKey,
      },
    });
  }, 120_000);
  afterAll(async () => {
    await f?.close();
  });

  it('nodes listen on https:// and publish https:// endpoints', () => {
    for (const n of f.nodes) {
      expect(n.node.address).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(n.node.federation.directory.get()?.node(n.id)?.endpoint).toMatch(/^https:\/\//);
    }
  });

  it('a ping crosses HTTPS with client certificates both ways', async () => {
    const [xa, xb] = [f.byName('XA'), f.byName('XB')];
    const id = await xa.node.federation.pinger.ping(xb.id, 'operator:test');
    await f.until(async () => (await xa.node.federation.pinger.get(id)).pongAt !== null);
  });

  it('refuses a client without a certificate, and a client that does not trust the node\'s CA', async () => {
    const url = `${f.byName('XA').node.address}/healthz`;
    const ca = readFileSync(pki.ca);
    expect(await get(url, { ca, cert: readFileSync(pki.clientCert), key: readFileSync(pki.clientKey) })).toBe(200);
    await expect(get(url, { ca })).rejects.toThrow();
    await expect(get(url, { ca: readFileSync(pki.otherCa), cert: readFileSync(pki.clientCert), key: readFileSync(pki.clientKey) })).rejects.toThrow(/self.signed|unable to verify|certificate/i);
  });
});
