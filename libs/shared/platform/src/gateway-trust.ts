/**
 * X-Forwarded-For is believed only from the gateway. Express's "trust proxy" checks the peer
 * address (TRUST_PROXY, loopback by default); with GATEWAY_SECRET set, a request must also carry
 * the gateway's proof, or its forwarding headers are dropped before anything reads the client IP.
 */
import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const GATEWAY_HEADER = 'x-cws-gateway';
const FORWARDING_HEADERS = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'forwarded'];

export function gatewayTrustMiddleware(secret: string | null) {
  const expected = secret ? Buffer.from(secret) : null;
  return (req: Request, _res: Response, next: NextFunction) => {
    const proof = req.headers[GATEWAY_HEADER];
    delete req.headers[GATEWAY_HEADER]; // never logged, never passed on
    if (expected) {
      const given = Buffer.from(typeof proof === 'string' ? proof : '');
      const fromGateway = given.length === expected.length && timingSafeEqual(given, expected);
      if (!fromGateway) for (const h of FORWARDING_HEADERS) delete req.headers[h];
    }
    next();
  };
}
