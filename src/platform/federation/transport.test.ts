import { describe, expect, it } from 'vitest';
import { endpointProblem, isLoopback } from './transport.ts';

describe('transport endpoint rules', () => {
  it('allows https anywhere and plain http only to loopback', () => {
    expect(endpointProblem('https://ca.example.org/comity')).toBeNull();
    expect(endpointProblem('http://127.0.0.1:8080')).toBeNull();
    expect(endpointProblem('http://localhost:8080')).toBeNull();
    expect(endpointProblem('http://[::1]:8080')).toBeNull();
    expect(endpointProblem('http://ca.example.org')).toMatch(/plain http:\/\/ to ca\.example\.org is refused/);
    expect(endpointProblem('http://10.0.0.5:8080')).toMatch(/refused/);
  });
  it('allows plain http beyond loopback only with the explicit insecure flag', () => {
    expect(endpointProblem('http://10.0.0.5:8080', true)).toBeNull();
  });
  it('refuses other schemes, credentials in the URL and non-URLs', () => {
    expect(endpointProblem('ftp://ca.example.org')).toMatch(/unsupported scheme/);
    expect(endpointProblem('https://user:pw@ca.example.org')).toMatch(/credentials/);
    expect(endpointProblem('not a url')).toMatch(/not a URL/);
  });
  it('knows loopback addresses', () => {
    for (const h of ['127.0.0.1', '127.8.9.10', '::1', '[::1]', 'localhost', 'a.localhost']) expect(isLoopback(h), h).toBe(true);
    for (const h of ['10.0.0.1', '0.0.0.0', 'example.org', '::']) expect(isLoopback(h), h).toBe(false);
  });
});
