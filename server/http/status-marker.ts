/**
 * A page can ask for an HTTP status through a <meta> in its head (see
 * components/feedback/not-found-view.tsx for why): the server applies it and keeps the page out
 * of every cache, since only 200s are shared.
 */
export const httpStatusMetaName = "tuiquan-http-status";

const marker = new RegExp(`<meta name="${httpStatusMetaName}" content="(4\\d\\d)"\\s*/?>`);

/** The status a page's HTML asks for, or null. Only the head is searched (the marker is metadata). */
export function requestedHttpStatus(html: Buffer): number | null {
  const headEnd = html.indexOf("</head>");
  const head = html.subarray(0, headEnd === -1 ? Math.min(html.length, 64 * 1024) : headEnd).toString("utf8");
  const match = marker.exec(head);
  return match ? Number(match[1]) : null;
}
