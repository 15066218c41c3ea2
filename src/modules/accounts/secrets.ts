import { createHash, randomBytes } from 'node:crypto';

/**
 * Bearer secrets (session cookies, CSRF tokens, API tokens): 256 random bits, shown once, stored only as their
 * SHA-256 (a fast hash is right for high-entropy secrets; argon2 is for passwords).
 */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function sha256Hex(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

export const TOKEN_PREFIX = 'comity_pat_';
export const SESSION_PREFIX = 'comity_ses_';
