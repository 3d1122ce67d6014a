/** Thrown from loaders and actions; the nearest ErrorBoundary renders a translated page. */
export function notFound(): Response {
  return new Response("Not Found", { status: 404 });
}

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403 });
}
