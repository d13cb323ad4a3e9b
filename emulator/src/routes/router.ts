/** A tiny path-template router: `/api/v2/routing/skills/{id}`; static segments beat parameters. */
export interface RouteMatch<H> {
  method: string;
  template: string;
  params: Record<string, string>;
  handler: H;
}

interface Route<H> {
  method: string;
  template: string;
  segments: string[];
  staticCount: number;
  handler: H;
}

function split(path: string): string[] {
  return path.split("/").filter((s) => s !== "");
}

export class Router<H> {
  private readonly routes: Route<H>[] = [];

  add(method: string, template: string, handler: H): this {
    const segments = split(template);
    this.routes.push({
      method: method.toUpperCase(),
      template,
      segments,
      staticCount: segments.filter((s) => !s.startsWith("{")).length,
      handler,
    });
    return this;
  }

  private matchSegments(route: Route<H>, parts: string[]): Record<string, string> | undefined {
    if (route.segments.length !== parts.length) return undefined;
    const params: Record<string, string> = {};
    for (let i = 0; i < parts.length; i++) {
      const seg = route.segments[i]!;
      const part = parts[i]!;
      if (seg.startsWith("{") && seg.endsWith("}")) {
        let value: string;
        try {
          value = decodeURIComponent(part);
        } catch {
          return undefined;
        }
        params[seg.slice(1, -1)] = value;
      } else if (seg !== part) {
        return undefined;
      }
    }
    return params;
  }

  /** The most specific route for (method, path); a path known only for other methods does not match. */
  match(method: string, path: string): RouteMatch<H> | undefined {
    const parts = split(path);
    let best: { route: Route<H>; params: Record<string, string> } | undefined;
    for (const route of this.routes) {
      if (route.method !== method.toUpperCase()) continue;
      const params = this.matchSegments(route, parts);
      if (params && (!best || route.staticCount > best.route.staticCount)) best = { route, params };
    }
    return (
      best && {
        method: best.route.method,
        template: best.route.template,
        params: best.params,
        handler: best.route.handler,
      }
    );
  }
}
