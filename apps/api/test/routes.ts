import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ACCESS_KEY, type AccessRule } from '../src/auth/access.decorator';

/** A route a controller declares: its method (GET, POST…), its path template (/api/metrics/:id) and its access rule. */
export interface DeclaredRoute {
  method: string;
  path: string;
  rule: AccessRule | undefined;
}

/**
 * Every route the controllers declare, read from Nest's own metadata (not from a list), so that the tests that walk
 * the routes (access.http.spec.ts, fuzz-bodies.http.spec.ts) cover a new route without being told of it.
 */
export function declaredRoutes(app: INestApplication): DeclaredRoute[] {
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  const routes: DeclaredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name] as () => void;
        const route = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (route === undefined) continue;
        const full = ['api', base, route]
          .map((p) => p.replace(/^\/|\/$/g, ''))
          .filter(Boolean)
          .join('/');
        routes.push({
          method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod],
          path: `/${full}`,
          rule: reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [handler, controller]),
        });
      }
    }
  }
  return routes;
}
