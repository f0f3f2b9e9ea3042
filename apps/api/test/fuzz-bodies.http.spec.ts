import type { INestApplication } from '@nestjs/common';
import type { Test } from 'supertest';
import type { AccessRule } from '../src/auth/access.decorator';
import type { Role } from '../src/auth/user.entity';
import { bearer, http, signIn } from './support';
import { declaredRoutes } from './routes';
import { useTestApp, useWebBuild } from './test-app';

/**
 * Every route that takes a body (every method but GET), found in Nest's metadata as access.http.spec.ts finds them, so
 * that a new route is covered without being listed: nested, malformed, mistyped and oversized bodies, anonymously and
 * as a role the route admits. Never a 5xx, and every 4xx says what is wrong in Chinese and in English.
 */
type Method = 'post' | 'put' | 'patch' | 'delete';
interface BodyRoute {
  route: string;
  method: Method;
  path: string;
  rule: AccessRule;
}

/** A sample for each path parameter the routes use; any other parameter gets 1. */
const SAMPLE: Record<string, string> = { year: '2027', date: '2027-01-04' };

function bodyRoutes(app: INestApplication): BodyRoute[] {
  return declaredRoutes(app)
    .filter(({ method }) => method !== 'GET')
    .map(({ method, path, rule }) => ({
      route: `${method} ${path}`,
      method: method.toLowerCase() as Method,
      path: path.replace(/:(\w+)/g, (_, p: string) => SAMPLE[p] ?? '1'),
      rule: rule ?? { kind: 'public' },
    }))
    .sort((a, b) => a.route.localeCompare(b.route));
}

const DEEP = 2000;
const nest = (open: string, inner: string, close: string, levels: number) =>
  open.repeat(levels) + inner + close.repeat(levels);
/** Field names of our DTOs that hold lists or objects, each nested as deep as the parser lets through. */
const CONTAINERS = [
  'cases',
  'seed',
  'holidays',
  'makeUpWorkdays',
  'days',
  'tasks',
  'metrics',
  'value',
  'username',
  'comment',
  'text',
];

interface Hostile {
  name: string;
  contentType: string;
  body: string;
  /** Refused by the body parser, before any guard: the same answer for every caller. */
  refusal?: { status: number; code: string; en: RegExp };
}

const NOT_JSON = { status: 400, code: 'INVALID_INPUT', en: /^The request body is not valid JSON/ };
const NOT_OBJECT = { status: 400, code: 'INVALID_INPUT', en: /^The request body must be a JSON object/ };
const TOO_DEEP = { status: 400, code: 'INVALID_INPUT', en: /^The request body nests deeper than 32 levels/ };
const JSON_TYPE = 'application/json';

const HOSTILE: Hostile[] = [
  {
    name: 'arrays nested 2,000 deep in a field',
    contentType: JSON_TYPE,
    body: `{"cases":${nest('[', '', ']', DEEP)}}`,
    refusal: TOO_DEEP,
  },
  { name: 'objects nested 2,000 deep', contentType: JSON_TYPE, body: nest('{"a":', '1', '}', DEEP), refusal: TOO_DEEP },
  {
    name: 'objects and arrays nested 2,000 deep',
    contentType: JSON_TYPE,
    body: `{"seed":${nest('{"a":[', 'null', ']}', DEEP / 2)}}`,
    refusal: TOO_DEEP,
  },
  {
    name: 'arrays nested 2,000 deep at the top',
    contentType: JSON_TYPE,
    body: nest('[', '', ']', DEEP),
    refusal: NOT_OBJECT,
  },
  {
    name: 'every container field nested 31 deep (inside the limit)',
    contentType: JSON_TYPE,
    body: JSON.stringify(Object.fromEntries(CONTAINERS.map((f) => [f, JSON.parse(nest('[', '1', ']', 31))]))),
  },
  { name: 'objects nested 32 deep (inside the limit)', contentType: JSON_TYPE, body: nest('{"seed":', '{}', '}', 31) },
  { name: 'truncated JSON', contentType: JSON_TYPE, body: '{"username":"admin","cases":[{"a":1},', refusal: NOT_JSON },
  { name: 'a NaN literal', contentType: JSON_TYPE, body: '{"value":NaN}', refusal: NOT_JSON },
  { name: 'an Infinity literal', contentType: JSON_TYPE, body: '{"value":-Infinity}', refusal: NOT_JSON },
  { name: 'a trailing comma', contentType: JSON_TYPE, body: '{"value":1,}', refusal: NOT_JSON },
  { name: 'a lone surrogate and a NUL', contentType: JSON_TYPE, body: '{"comment":"\\ud800\\u0000"}' },
  { name: 'a top-level string', contentType: JSON_TYPE, body: '"admin"', refusal: NOT_OBJECT },
  { name: 'a top-level number', contentType: JSON_TYPE, body: '1e308', refusal: NOT_OBJECT },
  { name: 'a top-level null', contentType: JSON_TYPE, body: 'null', refusal: NOT_OBJECT },
  {
    name: 'JSON in a charset other than UTF',
    contentType: 'application/json; charset=latin1',
    body: '{"value":1}',
    refusal: { status: 400, code: 'INVALID_INPUT', en: /character set/ },
  },
  { name: 'JSON sent as text/plain', contentType: 'text/plain', body: '{"value":1}' },
  { name: 'a nested form', contentType: 'application/x-www-form-urlencoded', body: `a${'[b]'.repeat(200)}=1&value=1` },
  {
    name: 'XML',
    contentType: 'application/xml',
    body: '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "x">]><a>&x;</a>',
  },
  { name: 'bytes', contentType: 'application/octet-stream', body: '\u0000\u0001\u0002' },
  {
    name: 'a body of 6 MB',
    contentType: JSON_TYPE,
    body: JSON.stringify({ comment: 'x'.repeat(6 * 1024 * 1024) }),
    refusal: { status: 413, code: 'PAYLOAD_TOO_LARGE', en: /exceeds the 5 MB limit/ },
  },
];

const USERNAME: Record<Role, [string, string]> = {
  admin: ['admin', 'taizhang-admin'],
  leader: ['leader', 'taizhang-leader'],
  department: ['sfj', 'taizhang-dept'],
};

describe('hostile bodies on every route that takes one', () => {
  // Served with a web build, as in production (its static serving once turned body errors into 404).
  const t = useTestApp({ env: { WEB_DIST: useWebBuild() } });
  const tokens: Partial<Record<Role, string>> = {};

  beforeAll(async () => {
    for (const role of Object.keys(USERNAME) as Role[]) tokens[role] = await signIn(t.app, ...USERNAME[role]);
  });

  it('finds every route that takes a body, the three that the probe broke among them', () => {
    const routes = bodyRoutes(t.app).map((r) => r.route);
    expect(routes.length).toBeGreaterThanOrEqual(25);
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /api/auth/login',
        'POST /api/submissions',
        'POST /api/plans/import/confirm',
        'PATCH /api/metrics/:id',
        'PUT /api/calendar/years/:year',
      ]),
    );
  });

  it('answers every hostile body on every such route, anonymously and as a role the route admits, without a 5xx and in both languages', async () => {
    const failures: string[] = [];
    for (const { route, method, path: url, rule } of bodyRoutes(t.app)) {
      const roles = rule.kind === 'public' ? ['admin' as const] : rule.roles.slice(0, 1);
      for (const caller of ['anonymous' as const, ...roles]) {
        for (const hostile of HOSTILE) {
          // Signing out ends the session it is given: that route gets a session of its own each time.
          const token =
            caller === 'anonymous'
              ? undefined
              : route.endsWith('/logout')
                ? await signIn(t.app, ...USERNAME[caller])
                : tokens[caller];
          let req: Test = (http(t.app) as unknown as Record<Method, (p: string) => Test>)[method](url);
          if (token) req = req.set(bearer(token));
          const res = await req.set('Content-Type', hostile.contentType).send(hostile.body);
          const what = `${route} as ${caller}, ${hostile.name}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
          if (res.status >= 500) failures.push(what);
          else if (
            res.status >= 400 &&
            !(/[\u4e00-\u9fff]/.test(res.body.messageZh) && /[A-Za-z]{3,}/.test(res.body.messageEn))
          )
            failures.push(`${what} (not bilingual)`);
          else if (
            hostile.refusal &&
            !(
              res.status === hostile.refusal.status &&
              res.body.code === hostile.refusal.code &&
              hostile.refusal.en.test(res.body.messageEn)
            )
          )
            failures.push(`${what} (expected ${hostile.refusal.status} ${hostile.refusal.code})`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);
});
